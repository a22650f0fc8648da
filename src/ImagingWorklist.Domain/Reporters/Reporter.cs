using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Reporters;

/// <summary>A person (or an outsourced provider's pool) who reports exams.</summary>
public sealed class Reporter
{
    public const int NameMaxLength = 200;
    public const int RegistrationMaxLength = 20;

    private readonly List<ReporterSkill> _skills = [];
    private readonly List<string> _scopeOfPractice = [];

    private Reporter()
    {
        DisplayName = string.Empty;
        RegistrationNumber = string.Empty;
    }

    public Reporter(
        Guid id,
        string displayName,
        ProfessionalRole role,
        string registrationNumber,
        Guid homeTrustId,
        IEnumerable<ReporterSkill> skills,
        IEnumerable<string>? scopeOfPractice = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(registrationNumber);
        Id = id;
        DisplayName = displayName;
        Role = role;
        RegistrationNumber = registrationNumber;
        HomeTrustId = homeTrustId;
        _skills.AddRange(skills.DistinctBy(s => s.Skill));
        _scopeOfPractice.AddRange((scopeOfPractice ?? []).Select(NormaliseScope));
    }

    public Guid Id { get; private set; }

    public string DisplayName { get; private set; }

    public ProfessionalRole Role { get; private set; }

    /// <summary>GMC number for doctors, HCPC number for radiographers.</summary>
    public string RegistrationNumber { get; private set; }

    public Guid HomeTrustId { get; private set; }

    public IReadOnlyList<ReporterSkill> Skills => _skills;

    /// <summary>
    /// Exam types this reporter may report, as "MODALITY:BODYPART" entries ("DX:CHEST", "CT:HEAD", "DX:*").
    /// Empty means unrestricted, which only consultants are.
    /// </summary>
    public IReadOnlyList<string> ScopeOfPractice => _scopeOfPractice;

    /// <summary>Registrars report under supervision: their reports need a consultant's verification.</summary>
    public bool NeedsVerification => Role == ProfessionalRole.Registrar;

    public int? LevelIn(Skill skill) => _skills.FirstOrDefault(s => s.Skill == skill)?.Level;

    public bool MayReport(Modality modality, string bodyPart)
    {
        if (Role == ProfessionalRole.ConsultantRadiologist && _scopeOfPractice.Count == 0)
        {
            return true;
        }

        var exact = NormaliseScope($"{modality}:{bodyPart}");
        var anyPart = NormaliseScope($"{modality}:*");
        return _scopeOfPractice.Contains(exact) || _scopeOfPractice.Contains(anyPart);
    }

    private static string NormaliseScope(string entry) => entry.Trim().ToUpperInvariant();
}
