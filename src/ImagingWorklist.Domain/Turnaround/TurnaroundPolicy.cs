using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Turnaround;

/// <summary>
/// Due time = start of the turnaround clock + the target of the most specific matching rule (the shorter target when
/// two are equally specific, because the safer answer is the earlier one), never beyond the NHS England 4-week maximum.
/// </summary>
public sealed class TurnaroundPolicy
{
    /// <summary>NHS England reporting turnaround guidance (2023): no exam may wait more than four weeks.</summary>
    public static readonly TimeSpan HardMaximum = TimeSpan.FromDays(28);

    private readonly TurnaroundRule[] _rules;

    public TurnaroundPolicy(IEnumerable<TurnaroundRule> rules)
    {
        _rules = [.. rules.OrderByDescending(r => r.Specificity).ThenBy(r => r.TargetMinutes)];
    }

    public IReadOnlyList<TurnaroundRule> Rules => _rules;

    public TimeSpan TargetFor(Pathway pathway, PatientClass patientClass, Modality modality, ClinicalPriority priority)
    {
        foreach (var rule in _rules)
        {
            if (rule.Matches(pathway, patientClass, modality, priority))
            {
                return rule.Target < HardMaximum ? rule.Target : HardMaximum;
            }
        }

        return HardMaximum;
    }

    public DateTimeOffset DueAt(DateTimeOffset clockStart, Pathway pathway, PatientClass patientClass, Modality modality,
        ClinicalPriority priority) =>
        clockStart + TargetFor(pathway, patientClass, modality, priority);

    /// <summary>The seed table from DOMAIN.md; provisional figures say so in their source.</summary>
    public static IReadOnlyList<TurnaroundRule> DefaultRules() =>
    [
        Rule(null, null, null, null, TimeSpan.FromDays(28),
            "NHS England diagnostic imaging reporting turnaround guidance, 2023 (4-week maximum)"),
        Rule(null, PatientClass.Inpatient, Modality.CR, null, TimeSpan.FromHours(24),
            "RCR audit standard: inpatient plain film same working day"),
        Rule(null, PatientClass.Inpatient, Modality.DX, null, TimeSpan.FromHours(24),
            "RCR audit standard: inpatient plain film same working day"),
        Rule(Pathway.Inpatient, null, null, null, TimeSpan.FromHours(48), "Provisional: inpatient cross-sectional"),
        Rule(Pathway.Emergency, null, null, null, TimeSpan.FromHours(1),
            "Provisional: ED common practice (CQC 2018 found 1 h to 2 working days)"),
        Rule(null, null, null, ClinicalPriority.Stat, TimeSpan.FromHours(1), "Provisional: stat requests"),
        Rule(Pathway.UrgentSuspectedCancer, null, null, null, TimeSpan.FromDays(7),
            "Provisional: urgent suspected cancer, to check against NHS England"),
        Rule(Pathway.Outpatient, null, null, null, TimeSpan.FromDays(21), "Provisional: outpatient routine"),
        Rule(Pathway.GpDirectAccess, null, null, null, TimeSpan.FromDays(21), "Provisional: GP direct access routine"),
    ];

    private static TurnaroundRule Rule(Pathway? pathway, PatientClass? patientClass, Modality? modality, ClinicalPriority? priority,
        TimeSpan target, string source) =>
        new(DeterministicId(pathway, patientClass, modality, priority), pathway, patientClass, modality, priority, target, source);

    /// <summary>Stable ids so the same default row is recognised across seedings.</summary>
    private static Guid DeterministicId(Pathway? pathway, PatientClass? patientClass, Modality? modality, ClinicalPriority? priority)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = (byte)(pathway is null ? 0xFF : (int)pathway);
        bytes[1] = (byte)(patientClass is null ? 0xFF : (int)patientClass);
        bytes[2] = (byte)(modality is null ? 0xFF : (int)modality);
        bytes[3] = (byte)(priority is null ? 0xFF : (int)priority);
        bytes[15] = 0x7A;
        return new Guid(bytes);
    }
}
