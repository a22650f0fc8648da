namespace ImagingWorklist.Application.Realtime;

public enum WorklistChangeKind
{
    ExamAdded,
    ExamUpdated,
    ExamClaimed,
    ExamReleased,
    ExamReported,
    PriorityChanged,
    AssignmentOffered,
    RotaChanged,

    /// <summary>A reporter's credentials or account changed: eligibility and access must be re-read.</summary>
    ReporterChanged,

    /// <summary>
    /// A report, verification, specialist opinion or critical finding on the exam changed. <see cref="WorklistChange.ReporterId"/>
    /// names the reporter it is addressed to, when there is one (the asker of an answered question, the registrar of a
    /// returned report).
    /// </summary>
    ReportingChanged,

    /// <summary>
    /// This instance could not hear the others for a while and has rebuilt its engine from the database: anything may
    /// have changed, so every view re-reads.
    /// </summary>
    Resynchronised,
}
