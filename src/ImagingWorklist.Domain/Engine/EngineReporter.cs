using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Domain.Engine;

/// <summary>A reporter as the engine sees them: skills, scope, credentials, rota and leave.</summary>
public sealed record EngineReporter(
    Guid Id,
    string Name,
    ProfessionalRole Role,
    IReadOnlyList<ReporterSkill> Skills,
    IReadOnlyList<string> ScopeOfPractice,
    IReadOnlyList<EngineCredential> Credentials,
    IReadOnlyList<EngineShift> Shifts,
    IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Absences)
{
    public static EngineReporter From(Reporter reporter, IEnumerable<Credential> credentials, IEnumerable<RotaShift> shifts,
        IEnumerable<Absence> absences) =>
        new(
            reporter.Id,
            reporter.DisplayName,
            reporter.Role,
            [.. reporter.Skills],
            [.. reporter.ScopeOfPractice],
            [.. credentials.Where(c => c.ReporterId == reporter.Id).Select(c => new EngineCredential(c.TrustId, c.ValidFrom, c.ValidTo))],
            [.. shifts.Where(s => s.ReporterId == reporter.Id)
                .Select(s => new EngineShift(s.Start, s.End, s.Kind, s.Scope, s.CoveredIds, s.CapacityMinutes))],
            [.. absences.Where(a => a.ReporterId == reporter.Id).Select(a => (a.Start, a.End))]);

    /// <summary>
    /// Expected reading minutes of the reports this reporter signed in the fairness window before now (decision 0025):
    /// their workload credit, read from the reports, so it survives sign-out and a restart.
    /// </summary>
    public int CreditMinutes { get; init; }

    /// <summary>The reading capacity of their shifts in the same window, up to now: what the credit is set against.</summary>
    public int CreditCapacityMinutes { get; init; }

    public int? LevelIn(Skill skill) => Skills.FirstOrDefault(s => s.Skill == skill)?.Level;

    public bool IsAbsentAt(DateTimeOffset now) => Absences.Any(a => now >= a.Start && now < a.End);

    public bool MayReport(Modality modality, string bodyPart)
    {
        if (Role == ProfessionalRole.ConsultantRadiologist && ScopeOfPractice.Count == 0)
        {
            return true;
        }

        var exact = $"{modality}:{bodyPart}";
        var anyPart = $"{modality}:*";
        return ScopeOfPractice.Any(s => string.Equals(s.Trim(), exact, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Trim(), anyPart, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The capacity of the duty in force now (the largest, if shifts overlap), or null when off duty or on leave.</summary>
    public int? CapacityAt(DateTimeOffset now)
    {
        if (IsAbsentAt(now))
        {
            return null;
        }

        int? capacity = null;
        foreach (var shift in Shifts)
        {
            if (shift.IsOnDutyAt(now))
            {
                capacity = Math.Max(capacity ?? 0, shift.CapacityMinutes);
            }
        }

        return capacity;
    }
}
