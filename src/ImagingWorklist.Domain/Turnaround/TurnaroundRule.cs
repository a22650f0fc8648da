using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Turnaround;

/// <summary>
/// One row of the turnaround table: an empty criterion matches anything. Targets are configuration, never code;
/// <see cref="Source"/> says where a figure comes from and whether it is provisional.
/// </summary>
public sealed class TurnaroundRule
{
    public const int SourceMaxLength = 300;

    private TurnaroundRule()
    {
        Source = string.Empty;
    }

    public TurnaroundRule(
        Guid id,
        Pathway? pathway,
        PatientClass? patientClass,
        Modality? modality,
        ClinicalPriority? priority,
        TimeSpan target,
        string source)
    {
        if (target <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "A turnaround target must be positive.");
        }

        Id = id;
        Pathway = pathway;
        PatientClass = patientClass;
        Modality = modality;
        Priority = priority;
        TargetMinutes = (int)Math.Ceiling(target.TotalMinutes);
        Source = source;
    }

    public Guid Id { get; private set; }

    public Pathway? Pathway { get; private set; }

    public PatientClass? PatientClass { get; private set; }

    public Modality? Modality { get; private set; }

    public ClinicalPriority? Priority { get; private set; }

    public int TargetMinutes { get; private set; }

    public string Source { get; private set; }

    public TimeSpan Target => TimeSpan.FromMinutes(TargetMinutes);

    public int Specificity =>
        (Pathway is null ? 0 : 1) + (PatientClass is null ? 0 : 1) + (Modality is null ? 0 : 1) + (Priority is null ? 0 : 1);

    public bool Matches(Pathway pathway, PatientClass patientClass, Modality modality, ClinicalPriority priority) =>
        (Pathway is null || Pathway == pathway)
        && (PatientClass is null || PatientClass == patientClass)
        && (Modality is null || Modality == modality)
        && (Priority is null || Priority == priority);
}
