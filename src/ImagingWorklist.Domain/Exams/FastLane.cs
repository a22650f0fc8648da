namespace ImagingWorklist.Domain.Exams;

/// <summary>
/// A hyperacute pathway whose exams go to the top of every eligible reporter's list at once, with a clock of its own
/// (decision 0024).
/// </summary>
public enum FastLane
{
    /// <summary>A thrombolysis or thrombectomy candidate: minutes decide how much brain is saved.</summary>
    Stroke,

    /// <summary>A major trauma patient, usually a whole-body CT in the trauma unit.</summary>
    MajorTrauma,
}
