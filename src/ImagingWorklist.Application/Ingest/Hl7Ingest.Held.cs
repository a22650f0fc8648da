using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// Messages held until what they refer to arrives (a status change before its order): applied with the order, and by a
/// half-minute safety net for the case where the order reached another instance at the same moment.
/// </summary>
public sealed partial class Hl7Ingest
{
    /// <summary>How far back the safety net looks for held messages.</summary>
    public static readonly TimeSpan HeldLookBack = TimeSpan.FromDays(1);

    /// <summary>
    /// A safety net run every half minute: a message held in the moment another instance committed its order (each
    /// looked before the other's commit) is applied now. Within one instance an order and its status changes share a
    /// lane, so they never miss each other.
    /// </summary>
    public async Task<int> SettleHeldAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var since = now - HeldLookBack;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var held =
            await db.InboundMessages.Where(m => m.Status == InboundStatus.Held && m.ReceivedAt >= since && m.TrustId != null
            && m.Key != null)
            .OrderBy(m => m.ReceivedAt).Take(500).ToListAsync(cancellationToken);
        var trusts = held.Select(m => m.TrustId!.Value).Distinct().ToList();
        var accessions = held.Select(m => AccessionNumber.Parse(m.Key!)).Where(a => a.Succeeded).Select(a => a.Value!).Distinct().ToList();
        if (accessions.Count == 0)
        {
            return 0;
        }

        await db.Exams.Where(e => trusts.Contains(e.TrustId) && accessions.Contains(e.Accession)).LoadAsync(cancellationToken);
        var policy = (await _reference.GetAsync(cancellationToken)).Policy;
        var changes = new Changes();
        foreach (var waiting in held)
        {
            if (FindExam(db, waiting.TrustId!.Value, waiting.Key!) is { } exam)
            {
                ApplyWaiting(db, exam, waiting, policy, now);
                changes.Add(exam, added: false);
            }
        }

        if (changes.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await PublishAsync(changes);
            _logger.LogWarning("Applied {Count} held HL7 message(s) whose order had arrived at another instance at the same moment",
                changes.Count);
        }

        return changes.Count;
    }

    /// <summary>Messages held for <paramref name="exam"/> (stored earlier, or earlier in this batch), in the order they arrived.</summary>
    private void ApplyHeld(WorklistDbContext db, Exam exam, TurnaroundPolicy policy, DateTimeOffset now)
    {
        var key = exam.Accession.Value;
        foreach (var waiting in db.InboundMessages.Local.Where(m => m.Status == InboundStatus.Held && m.TrustId == exam.TrustId
            && m.Key == key).OrderBy(m => m.ReceivedAt).ToList())
        {
            ApplyWaiting(db, exam, waiting, policy, now);
        }
    }

    private void ApplyWaiting(WorklistDbContext db, Exam exam, InboundMessage waiting, TurnaroundPolicy policy, DateTimeOffset now)
    {
        var read = Hl7OrderReader.Read(Hl7Message.Parse(waiting.Raw).Value!, UkCalendar.Zone, now);
        var outcome = ApplyChange(db, exam, read, policy, waiting, now);
        waiting.Status = outcome.Succeeded ? InboundStatus.Applied : InboundStatus.Rejected;
        waiting.Error = outcome.Succeeded ? null
            : Trimmed($"Held until order {exam.Accession} arrived, then refused: {outcome.Reason}", InboundMessage.ErrorMaxLength);
        waiting.ExamId = exam.Id;
        waiting.ProcessedAt = now;
    }
}
