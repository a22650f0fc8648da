using System.Threading.Channels;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
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
/// HL7 v2 orders in (ORM^O01, OMI^O23: new, change, cancel, status change), over MLLP or HTTP. Store, then
/// acknowledge: the message is in the database before any answer goes back, and a resend (same sending facility and
/// MSH-10) gets the first answer again and changes nothing. A status change that arrives before its order is held and
/// applied when the order comes. New and changed exams reach the engine and every open worklist at once.
/// </summary>
/// <remarks>
/// Group commit: orders that arrive together (from different links, each of which waits for its answer) are stored in
/// one transaction and applied in a second, then each is answered; a batch of one is the same path. Orders go to one
/// of a few lanes by accession, so everything about one exam is applied in arrival order by one lane while the lanes
/// overlap their database round trips. If a batch fails, its messages are processed again one by one, so one bad
/// message cannot take others with it. Patient updates, results and re-processing go alone. A new order applies the
/// messages held for it in its own transaction; a safety net every half minute (<see cref="SettleHeldAsync"/>) applies
/// any held message whose order reached another instance at the same moment.
/// </remarks>
public sealed partial class Hl7Ingest : IAsyncDisposable
{
    public static readonly string[] Versions = ["2.3", "2.3.1", "2.4", "2.5", "2.5.1"];
    public static readonly string[] MessageTypes = ["ORM^O01", "OMI^O23", "ADT^A08", "ADT^A40", "ORU^R01"];

    /// <summary>At most this many orders are decided in one transaction.</summary>
    public const int MaxBatch = 64;

    /// <summary>Lanes: each applies its batches one after another; together they keep the database busy.</summary>
    public const int Lanes = 2;

    private readonly IDbContextFactory<WorklistDbContext> _contexts;
    private readonly ChangeAnnouncer _announce;
    private readonly TimeProvider _clock;
    private readonly Hl7Settings _settings;
    private readonly IngestReferenceData _reference;
    private readonly ILogger<Hl7Ingest> _logger;
    private readonly Channel<Pending>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true }))];
    private readonly Task[] _loops;
    private int _ackSequence;
    private long _batches;
    private long _batched;

    public Hl7Ingest(
        IDbContextFactory<WorklistDbContext> contexts,
        ChangeAnnouncer announce,
        TimeProvider clock,
        Hl7Settings settings,
        IngestReferenceData reference,
        ILogger<Hl7Ingest> logger)
    {
        (_contexts, _announce, _clock, _settings, _reference, _logger) = (contexts, announce, clock, settings, reference, logger);
        _loops = [.. _lanes.Select(lane => Task.Run(() => RunAsync(lane.Reader)))];
    }

    /// <summary>Batches decided so far and the messages in them (the mean batch shows how much group commit shares).</summary>
    public (long Batches, long Messages) Batched => (Interlocked.Read(ref _batches), Interlocked.Read(ref _batched));

    /// <summary>Takes one message as received and answers its ACK. <paramref name="sender"/> limits the trusts the caller may send for.</summary>
    public async Task<string> ReceiveAsync(string raw, string channel, string source, AccessScope sender, CancellationToken cancellationToken = default, string? original = null)
    {
        var now = _clock.GetUtcNow();
        var parsed = Hl7Message.Parse(raw);
        if (!parsed.Succeeded)
        {
            return await RefuseUnreadableAsync(raw, channel, source, parsed.Reason!, now, cancellationToken);
        }

        var message = parsed.Value!;
        var facility = Trimmed(message.SendingFacility, InboundMessage.FacilityMaxLength);
        var controlId = Trimmed(message.ControlId, InboundMessage.ControlIdMaxLength);
        if (controlId.Length == 0 || facility.Length == 0)
        {
            return await RefuseUnreadableAsync(raw, channel, source, "MSH-4 (sending facility) and MSH-10 (message control id) are required, so a resend can be recognised.", now, cancellationToken, message);
        }

        var pending = new Pending(message, facility, controlId, sender, now) { Raw = raw, Channel = channel, Source = source, Original = original };
        return (await EnqueueAsync(pending, cancellationToken)).Ack;
    }

    /// <summary>
    /// An administrator runs a refused message again, after fixing what refused it (a facility mapping, a catalogue
    /// entry). The sender already had its answer; the new outcome is recorded on the message and audited.
    /// </summary>
    public async Task<Domain.Common.Outcome<InboundStatus>> ReprocessAsync(Guid messageId, Actor actor, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        Pending again;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            var stored = await db.InboundMessages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
            if (stored is null || stored.Status != InboundStatus.Rejected)
            {
                return Domain.Common.Outcome<InboundStatus>.Rejected("Only a refused message can be processed again.");
            }

            if (stored.SendingFacility is null || stored.ControlId is null)
            {
                return Domain.Common.Outcome<InboundStatus>.Rejected("This message could not be read at all; it cannot be processed again. Ask the sender to correct and resend it.");
            }

            stored.Status = InboundStatus.Received;
            stored.Ack = null;
            stored.AckCode = null;
            db.Audit(actor, AuditAction.MessageReprocessed, now, $"Processed {stored.MessageType} {stored.ControlId} from {stored.SendingFacility} again", trustId: stored.TrustId);
            await db.SaveChangesAsync(cancellationToken);
            again = new Pending(Hl7Message.Parse(stored.Raw).Value!, stored.SendingFacility, stored.ControlId, AccessScope.WholeNetwork, now) { Raw = stored.Raw, Again = stored.Id };
        }

        return Domain.Common.Outcome<InboundStatus>.Accepted((await EnqueueAsync(again, cancellationToken)).Status);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await Task.WhenAll(_loops);
    }

    private async Task<Answered> EnqueueAsync(Pending pending, CancellationToken cancellationToken)
    {
        // One lane per exam: the accession decides it (for orders, results and re-processing alike; a patient update goes
        // by the patient), so nothing about one exam is applied by both lanes at once. A resend follows its first copy.
        var key = pending.Message.MessageType.StartsWith("ADT", StringComparison.Ordinal) ? pending.Message.Value("PID", 3) : Hl7OrderReader.AccessionText(pending.Message);
        var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode($"{pending.Facility}|{key.Trim()}") % Lanes)];
        if (!lane.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(Hl7Ingest), "HL7 ingest is shutting down; the message was not stored. Resend it.");
        }

        // The caller may stop waiting; the message is still stored and applied, and a resend gets its answer.
        return await pending.Answer.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(ChannelReader<Pending> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && reader.TryPeek(out var next))
            {
                var alone = !next.IsOrder;
                if (alone && batch.Count > 0)
                {
                    break;
                }

                reader.TryRead(out _);
                batch.Add(next);
                if (alone)
                {
                    break;
                }
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _batched, batch.Count);
            try
            {
                await ProcessAsync(batch);
            }
            catch (Exception exception)
            {
                // Last resort: the lane must outlive any failure, or every later message on it would wait for ever.
                _logger.LogError(exception, "HL7 lane failed on a batch of {Count}; its senders get no answer and will resend", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Answer.TrySetException(exception);
                }
            }
        }
    }


    private async Task ProcessAsync(List<Pending> batch)
    {
        try
        {
            await ProcessTogetherAsync(batch);
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            _logger.LogWarning(exception, "A batch of {Count} HL7 messages failed; processing them one by one", batch.Count);
            foreach (var one in batch.Where(p => !p.Answer.Task.IsCompleted))
            {
                await ProcessAsync([one]);
            }
        }
        catch (Exception exception)
        {
            await KeepUnansweredAsync(batch[0], exception);
        }
    }

    /// <summary>
    /// A message that could not be applied (a database failure, a change that collided with a reporter's) is kept as
    /// received and gets no answer, so the sender resends it and it is processed again then. If another instance has
    /// just answered the same message, that answer is given.
    /// </summary>
    private async Task KeepUnansweredAsync(Pending pending, Exception exception)
    {
        _logger.LogError(exception, "HL7 {Type} {ControlId} from {Facility} could not be processed; kept unanswered for the resend", pending.Message.MessageType, pending.ControlId, pending.Facility);
        try
        {
            await using var db = await _contexts.CreateDbContextAsync();
            var stored = await db.InboundMessages.SingleOrDefaultAsync(m => m.SendingFacility == pending.Facility && m.ControlId == pending.ControlId);
            if (stored?.Ack is { } ack)
            {
                pending.Answer.TrySetResult(new Answered(ack, stored.Status));
                return;
            }

            if (stored is null)
            {
                stored = Received(pending);
                stored.Error = Trimmed($"Not processed yet ({exception.GetType().Name}); it is processed again when the sender resends it.", InboundMessage.ErrorMaxLength);
                db.InboundMessages.Add(stored);
                await db.SaveChangesAsync();
            }
        }
        catch (Exception keeping)
        {
            _logger.LogError(keeping, "HL7 {ControlId} from {Facility} could not be kept either; the sender has no answer and will resend it", pending.ControlId, pending.Facility);
        }

        pending.Answer.TrySetException(exception);
    }

    private async Task ProcessTogetherAsync(List<Pending> batch)
    {
        var now = _clock.GetUtcNow();
        await using var db = await _contexts.CreateDbContextAsync();
        var (work, answered) = await AdmitAsync(db, batch);
        var changes = new Changes();
        if (work.Count > 0)
        {
            await ReadOrdersAsync(db, work, now);
            foreach (var item in work)
            {
                item.Ack = await ApplyAsync(db, item, changes, now);
                item.Stored.ProcessedAt = now;
            }

            await db.SaveChangesAsync();
            await PublishAsync(changes);
        }

        foreach (var item in work)
        {
            _logger.LogInformation("HL7 {Type} {ControlId} from {Facility}: {Status} ({Code})", item.Stored.MessageType, item.Pending.ControlId, item.Pending.Facility, item.Stored.Status, item.Stored.AckCode);
            answered.Add(item.Pending, new Answered(item.Ack!, item.Stored.Status));
        }

        foreach (var pending in batch)
        {
            var answer = answered.TryGetValue(pending, out var own) ? own : answered[pending.Copy!];
            pending.Answer.TrySetResult(answer);
        }
    }

    /// <summary>Committed changes reach the engine and every open worklist.</summary>
    private async Task PublishAsync(Changes changes)
    {
        foreach (var (exam, added) in changes.All)
        {
            await _announce.ExamAsync(exam, added ? WorklistChangeKind.ExamAdded : WorklistChangeKind.ExamUpdated);
        }
    }

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
        var existing = (await db.InboundMessages.Where(m => facilities.Contains(m.SendingFacility!) && controlIds.Contains(m.ControlId!)).ToListAsync())
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
                _logger.LogInformation("HL7 {Type} {ControlId} from {Facility} is a resend; answered as before ({Code})", stored.MessageType, pending.ControlId, pending.Facility, stored.AckCode);
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
                await db.InboundMessages.Where(m => m.Status == InboundStatus.Held && heldFor.Contains(m.TrustId) && created.Contains(m.Key!)).LoadAsync();
            }
        }
    }

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
        var held = await db.InboundMessages.Where(m => m.Status == InboundStatus.Held && m.ReceivedAt >= since && m.TrustId != null && m.Key != null)
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
            _logger.LogWarning("Applied {Count} held HL7 message(s) whose order had arrived at another instance at the same moment", changes.Count);
        }

        return changes.Count;
    }

    /// <summary>How far back the safety net looks for held messages.</summary>
    public static readonly TimeSpan HeldLookBack = TimeSpan.FromDays(1);

    /// <summary>Messages held for <paramref name="exam"/> (stored earlier, or earlier in this batch), in the order they arrived.</summary>
    private void ApplyHeld(WorklistDbContext db, Exam exam, TurnaroundPolicy policy, DateTimeOffset now)
    {
        var key = exam.Accession.Value;
        foreach (var waiting in db.InboundMessages.Local.Where(m => m.Status == InboundStatus.Held && m.TrustId == exam.TrustId && m.Key == key).OrderBy(m => m.ReceivedAt).ToList())
        {
            ApplyWaiting(db, exam, waiting, policy, now);
        }
    }

    private void ApplyWaiting(WorklistDbContext db, Exam exam, InboundMessage waiting, TurnaroundPolicy policy, DateTimeOffset now)
    {
        var read = Hl7OrderReader.Read(Hl7Message.Parse(waiting.Raw).Value!, UkCalendar.Zone, now);
        var outcome = ApplyChange(db, exam, read, policy, waiting, now);
        waiting.Status = outcome.Succeeded ? InboundStatus.Applied : InboundStatus.Rejected;
        waiting.Error = outcome.Succeeded ? null : Trimmed($"Held until order {exam.Accession} arrived, then refused: {outcome.Reason}", InboundMessage.ErrorMaxLength);
        waiting.ExamId = exam.Id;
        waiting.ProcessedAt = now;
    }

    private static Exam? FindExam(WorklistDbContext db, Guid trustId, string accession) =>
        db.Exams.Local.FirstOrDefault(e => e.TrustId == trustId && e.Accession.Value == accession);

    private async Task<Domain.Network.Trust?> TrustOfAsync(string facility)
    {
        var ods = _settings.Facilities.GetValueOrDefault(facility, facility).Trim().ToUpperInvariant();
        return (await _reference.GetAsync(CancellationToken.None)).Trusts.FirstOrDefault(t => t.OdsCode.Value == ods);
    }

    private async Task<string> RefuseUnreadableAsync(string raw, string channel, string source, string reason, DateTimeOffset now, CancellationToken cancellationToken, Hl7Message? message = null)
    {
        var ack = Ack(message, Hl7Ack.Reject, reason, [new Hl7Error("MSH", message is null ? 1 : 10, message is null ? 100 : 101, reason)], now);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.InboundMessages.Add(new InboundMessage
        {
            Id = Guid.NewGuid(),
            ReceivedAt = now,
            Channel = channel,
            Source = Trimmed(source, InboundMessage.SourceMaxLength),
            MessageType = Trimmed(message?.MessageType ?? "(unreadable)", InboundMessage.TypeMaxLength),
            Raw = raw,
            Status = InboundStatus.Rejected,
            AckCode = Hl7Ack.Reject,
            Ack = ack,
            Error = Trimmed(reason, InboundMessage.ErrorMaxLength),
            ProcessedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ack;
    }

    private string Answer(InboundMessage stored, Hl7Message message, string code, string text, IReadOnlyList<Hl7Error> errors, DateTimeOffset now, InboundStatus? status = null)
    {
        var ack = Ack(message, code, text, errors, now);
        stored.Status = status ?? InboundStatus.Rejected;
        stored.AckCode = code;
        stored.Ack = ack;
        stored.Error = code == Hl7Ack.Accept ? null : Trimmed(string.Join(" ", errors.Select(e => $"{e.Segment}-{e.Field}: {e.Message}")), InboundMessage.ErrorMaxLength);
        return ack;
    }

    private string Ack(Hl7Message? message, string code, string text, IReadOnlyList<Hl7Error> errors, DateTimeOffset now) =>
        Hl7Ack.Build(message, code, text, errors, now, $"IW{now.UtcDateTime:yyyyMMddHHmmss}{Interlocked.Increment(ref _ackSequence) % 100000:D5}");

    private static string Trimmed(string? text, int max)
    {
        var value = (text ?? string.Empty).Trim();
        return value.Length > max ? value[..max] : value;
    }

    /// <summary>A message waiting for the loop, and the answer its sender waits for.</summary>
    private sealed class Pending(Hl7Message message, string facility, string controlId, AccessScope sender, DateTimeOffset receivedAt)
    {
        public Hl7Message Message => message;

        public string Facility => facility;

        public string ControlId => controlId;

        public AccessScope Sender => sender;

        public DateTimeOffset ReceivedAt => receivedAt;

        public required string Raw { get; init; }

        public string Channel { get; init; } = string.Empty;

        public string Source { get; init; } = string.Empty;

        public string? Original { get; init; }

        /// <summary>A stored message an administrator asked to process again.</summary>
        public Guid? Again { get; init; }

        /// <summary>Orders go together in a batch; everything else goes alone.</summary>
        public bool IsOrder => Again is null && message.MessageType is "ORM^O01" or "OMI^O23";

        /// <summary>The same message earlier in the batch, whose answer this one gets.</summary>
        public Pending? Copy { get; set; }

        public TaskCompletionSource<Answered> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Answered(string Ack, InboundStatus Status);

    /// <summary>One stored message being applied in this attempt (a failed batch starts again from the message).</summary>
    private sealed class Work(Pending pending, InboundMessage stored)
    {
        public Pending Pending => pending;

        public InboundMessage Stored => stored;

        public Domain.Network.Trust? Trust { get; set; }

        public Hl7Order? Order { get; set; }

        public string? Ack { get; set; }
    }

    /// <summary>Exams changed by a batch, each once, in the order first changed; added wins over updated.</summary>
    private sealed class Changes
    {
        private readonly List<Exam> _order = [];
        private readonly Dictionary<Exam, bool> _added = new(ReferenceEqualityComparer.Instance);

        public IEnumerable<(Exam Exam, bool Added)> All => _order.Select(e => (e, _added[e]));

        public int Count => _order.Count;

        public void Add(Exam exam, bool added)
        {
            if (_added.TryGetValue(exam, out var before))
            {
                _added[exam] = before || added;
                return;
            }

            _order.Add(exam);
            _added[exam] = added;
        }
    }
}
