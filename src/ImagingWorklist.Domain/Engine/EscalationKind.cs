namespace ImagingWorklist.Domain.Engine;

public enum EscalationKind
{
    /// <summary>No reporter on duty now may report it: route to on-call, out-of-hours or outsourced cover.</summary>
    NoEligibleReporterOnDuty,
    /// <summary>With the eligible capacity on duty, it is forecast to finish after its due time (or already has).</summary>
    ForecastBreach,
    /// <summary>It has waited past the ageing threshold.</summary>
    Ageing,
}
