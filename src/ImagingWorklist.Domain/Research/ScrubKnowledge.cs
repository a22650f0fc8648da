namespace ImagingWorklist.Domain.Research;

/// <summary>
/// What the database knows that must not appear in a report's text: the names of the patient and of the staff and
/// clinicians around the exam, and identifiers (NHS number, record number, accession numbers).
/// </summary>
public sealed record ScrubKnowledge(IReadOnlyCollection<string> Names, IReadOnlyCollection<string> Identifiers)
{
    public static ScrubKnowledge None { get; } = new([], []);
}
