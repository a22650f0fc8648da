namespace ImagingWorklist.Domain.Exams;

/// <summary>DICOM modality codes this network reports.</summary>
public enum Modality
{
    CR,
    DX,
    CT,
    MR,
    US,
    NM,
    PT,
    MG,
    RF,
    XA,
}

/// <summary>HL7 v2 PV1-2 patient class, plus the GP referral source.</summary>
public enum PatientClass
{
    Emergency,
    Inpatient,
    Outpatient,
    GeneralPractice,
}

public enum Pathway
{
    Emergency,
    Inpatient,
    UrgentSuspectedCancer,
    Outpatient,
    GpDirectAccess,
    Screening,
}

/// <summary>FHIR request-priority, most urgent first (the numeric order is the urgency order).</summary>
public enum ClinicalPriority
{
    Stat,
    Asap,
    Urgent,
    Routine,
}

/// <summary>Administrative sex as recorded by the RIS (FHIR AdministrativeGender).</summary>
public enum Sex
{
    Unknown,
    Female,
    Male,
    Other,
}

/// <summary>
/// Lifecycle per DOMAIN.md. UPS: Ready = SCHEDULED, Claimed/Preliminary/AwaitingVerification = IN PROGRESS,
/// Final/Amended = COMPLETED, Cancelled = CANCELED.
/// </summary>
public enum ExamState
{
    Ordered,
    Ready,
    Claimed,
    OnHold,
    Preliminary,

    /// <summary>A registrar signed; a consultant must verify before the report is final. The turnaround clock runs on.</summary>
    AwaitingVerification,
    Final,
    Amended,
    Cancelled,
}

public static class ExamStateExtensions
{
    /// <summary>Open = in the backlog: ready to report and not yet finalised.</summary>
    public static bool IsOpen(this ExamState state) =>
        state is ExamState.Ready or ExamState.Claimed or ExamState.OnHold or ExamState.Preliminary or ExamState.AwaitingVerification;

    public static bool IsTerminal(this ExamState state) =>
        state is ExamState.Final or ExamState.Amended or ExamState.Cancelled;
}
