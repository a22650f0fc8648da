namespace ImagingWorklist.Domain.Reporters;

/// <summary>Reporting subspecialties. An exam type requires one; a reporter holds several, each with a level.</summary>
public enum Skill
{
    General,
    Neuro,
    Musculoskeletal,
    Chest,
    Abdominal,
    Genitourinary,
    Breast,
    Paediatric,
    HeadAndNeck,
    Cardiac,
    Vascular,
    NuclearMedicine,
}

/// <summary>A skill a reporter holds. Level 1 reports routine work, 2 is independent, 3 is subspecialist.</summary>
public sealed record ReporterSkill
{
    public const int MinLevel = 1;
    public const int MaxLevel = 3;

    public ReporterSkill(Skill skill, int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, MinLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        Skill = skill;
        Level = level;
    }

    public Skill Skill { get; private set; }

    public int Level { get; private set; }
}
