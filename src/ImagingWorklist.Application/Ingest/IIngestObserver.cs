using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// A feature that acts on what the ingest applies, inside the batch's unit of work, so its changes commit with the
/// messages or not at all (follow-up recommendations closed by a new order, say). The ingest knows no feature by name.
/// </summary>
public interface IIngestObserver
{
    /// <summary>Exams newly ordered in this batch; returns exams whose reporting views changed, announced after the commit.</summary>
    Task<IReadOnlyList<Guid>> OrdersAddedAsync(WorklistDbContext db, IReadOnlyCollection<Exam> ordered, DateTimeOffset now);

    /// <summary>A trust merged a patient record into another (ADT^A40).</summary>
    Task PatientMergedAsync(WorklistDbContext db, Guid trustId, string mergedAwayMrn, Patient surviving, DateTimeOffset now);
}
