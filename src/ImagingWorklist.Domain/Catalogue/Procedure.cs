using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Catalogue;

/// <summary>
/// A procedure-catalogue entry: maps a RIS procedure code to the skill it needs and its expected reading minutes
/// (the unit of reporter capacity).
/// </summary>
public sealed class Procedure
{
    public const int CodeMaxLength = Exam.ProcedureCodeMaxLength;

    private Procedure()
    {
        Code = string.Empty;
        Description = string.Empty;
        BodyPart = string.Empty;
    }

    public Procedure(string code, string description, Modality modality, string bodyPart, Skill requiredSkill, int expectedReadingMinutes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedReadingMinutes);
        Code = code.Trim().ToUpperInvariant();
        Description = description;
        Modality = modality;
        BodyPart = bodyPart.Trim().ToUpperInvariant();
        RequiredSkill = requiredSkill;
        ExpectedReadingMinutes = expectedReadingMinutes;
    }

    /// <summary>An administrator's correction. Exams already ordered keep what they were ordered with.</summary>
    public void Revise(string description, Modality modality, string bodyPart, Skill requiredSkill, int expectedReadingMinutes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedReadingMinutes);
        Description = description.Trim();
        Modality = modality;
        BodyPart = bodyPart.Trim().ToUpperInvariant();
        RequiredSkill = requiredSkill;
        ExpectedReadingMinutes = expectedReadingMinutes;
    }

    public string Code { get; private set; }

    public string Description { get; private set; }

    public Modality Modality { get; private set; }

    public string BodyPart { get; private set; }

    public Skill RequiredSkill { get; private set; }

    public int ExpectedReadingMinutes { get; private set; }
}
