using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Research;

/// <summary>
/// One de-identified exam of an extract, with its report. Dates are shifted; the text is scrubbed. <see cref="Month"/> is
/// the true month of the examination, never written out: the small-cell rule counts patients on what an outsider could
/// know of them (their real month), not on the shifted dates.
/// </summary>
public sealed record ExtractRow(
    string Patient,
    string Study,
    string Report,
    Sex Sex,
    string AgeBand,
    string Trust,
    Modality Modality,
    string ProcedureCode,
    string ProcedureDescription,
    string BodyPart,
    Pathway Pathway,
    ClinicalPriority Priority,
    DateOnly StudyDate,
    DateOnly ReportDate,
    int? TurnaroundMinutes,
    string ReportText,
    string Month);
