using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// Admission of a batch: resends get their first answer, new messages are stored in the same commit as what they
/// change, and a message that could not be saved is kept unanswered for its resend.
/// </summary>
public sealed partial class Hl7Ingest
{
    /// <summary>
    /// Answers resends with their first answer and returns the messages to apply: new ones (added, so they are stored
    /// in the same commit as what they change) and ones kept unanswered earlier.
    /// </summary>
    private async Task<(List<Work> Work, Dictionary<Pending, Answered> Answered)> AdmitAsync(WorklistDbContext db, List<Pending> batch)
    {
        var work = new List<Work>();
        var answered = new Dictionary<Pending, Answered>();
        if (batch is [{ Again: { } again } one])
        {
            work.Add(new Work(one, await db.InboundMessages.SingleAsync(m => m.Id == again)));
            return (work, answered);
        }

        var facilities = batch.Select(p => p.Facility).Distinct().ToList();
        var controlIds = batch.Select(p => p.ControlId).Distinct().ToList();
        var existing =
            (await db.InboundMessages.Where(m => facilities.Contains(m.SendingFacility!) && controlIds.Contains(m.ControlId!))
            .ToListAsync())
            .ToDictionary(m => (m.SendingFacility!, m.ControlId!));
        var first = new Dictionary<(string, string), Pending>();
        foreach (var pending in batch)
        {
            var key = (pending.Facility, pending.ControlId);
            if (first.TryGetValue(key, out var earlier))
            {
                // The same message twice at once (a resend on a second link): both get the one answer.
                pending.Copy = earlier;
                continue;
            }

            first[key] = pending;
            if (existing.TryGetValue(key, out var stored) && stored.Ack is { } ack)
            {
                _logger.LogInformation("HL7 {Type} {ControlId} from {Facility} is a resend; answered as before ({Code})",
                    stored.MessageType, pending.ControlId, pending.Facility, stored.AckCode);
                answered[pending] = new Answered(ack, stored.Status);
                continue;
            }

            if (stored is null)
            {
                stored = Received(pending);
                db.InboundMessages.Add(stored);
            }

            work.Add(new Work(pending, stored));
        }

        return (work, answered);
    }

    private static InboundMessage Received(Pending pending) => new()
    {
        Id = Guid.NewGuid(),
        ReceivedAt = pending.ReceivedAt,
        Channel = pending.Channel,
        Source = Trimmed(pending.Source, InboundMessage.SourceMaxLength),
        SendingFacility = pending.Facility,
        ControlId = pending.ControlId,
        MessageType = Trimmed(pending.Message.MessageType, InboundMessage.TypeMaxLength),
        Raw = pending.Raw,
        Original = pending.Original,
        Status = InboundStatus.Received,
    };

    /// <summary>
    /// Reads each order once and loads, in one query, every exam the batch's orders and results name, so applying
    /// them finds each exam among the tracked ones (including exams created earlier in the same batch).
    /// </summary>
    private async Task ReadOrdersAsync(WorklistDbContext db, List<Work> work, DateTimeOffset now)
    {
        foreach (var item in work)
        {
            item.Trust = await TrustOfAsync(item.Pending.Facility);
            if (item.Pending.Message.MessageType is "ORM^O01" or "OMI^O23" or "ORU^R01")
            {
                item.Order = Hl7OrderReader.Read(item.Pending.Message, UkCalendar.Zone, now);
            }
        }

        var named = work.Where(w => w.Trust is not null && w.Order?.Accession is not null).ToList();
        if (named.Count > 0)
        {
            var trusts = named.Select(w => w.Trust!.Id).Distinct().ToList();
            var accessions = named.Select(w => w.Order!.Accession!).Distinct().ToList();
            await db.Exams.Where(e => trusts.Contains(e.TrustId) && accessions.Contains(e.Accession)).LoadAsync();

            // Messages held for the orders this batch creates (one lane per exam, so none can be held meanwhile).
            var created = named.Where(w => w.Order!.OrderControl == "NW").Select(w => w.Order!.Accession!.Value).Distinct().ToList();
            if (created.Count > 0)
            {
                var heldFor = trusts.Select(t => (Guid?)t).ToList();
                await db.InboundMessages.Where(m => m.Status == InboundStatus.Held && heldFor.Contains(m.TrustId)
                    && created.Contains(m.Key!)).LoadAsync();
            }
        }
    }

    /// <summary>
    /// A message that could not be applied (a database failure, a change that collided with a reporter's) is kept as
    /// received and gets no answer, so the sender resends it and it is processed again then. If another instance has
    /// just answered the same message, that answer is given.
    /// </summary>
    private async Task KeepUnansweredAsync(Pending pending, Exception exception)
    {
        _logger.LogError(exception, "HL7 {Type} {ControlId} from {Facility} could not be processed; kept unanswered for the resend",
            pending.Message.MessageType, pending.ControlId, pending.Facility);
        try
        {
            await using var db = await _contexts.CreateDbContextAsync();
            var stored =
                await db.InboundMessages.SingleOrDefaultAsync(m => m.SendingFacility == pending.Facility
                && m.ControlId == pending.ControlId);
            if (stored?.Ack is { } ack)
            {
                pending.Answer.TrySetResult(new Answered(ack, stored.Status));
                return;
            }

            if (stored is null)
            {
                stored = Received(pending);
                stored.Error =
                    Trimmed($"Not processed yet ({exception.GetType().Name}); it is processed again when the sender resends it.",
                    InboundMessage.ErrorMaxLength);
                db.InboundMessages.Add(stored);
                await db.SaveChangesAsync();
            }
        }
        catch (Exception keeping)
        {
            _logger.LogError(keeping,
                "HL7 {ControlId} from {Facility} could not be kept either; the sender has no answer and will resend it", pending.ControlId,
                pending.Facility);
        }

        pending.Answer.TrySetException(exception);
    }
}
