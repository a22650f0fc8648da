using System.Diagnostics;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FastLanes;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Interop;
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
    private readonly IReadOnlyList<IIngestObserver> _observers;
    private readonly FastLaneSettings _fastLanes;
    private readonly IngestLanes<Pending> _lanes;
    private int _ackSequence;

    public Hl7Ingest(
        IDbContextFactory<WorklistDbContext> contexts,
        ChangeAnnouncer announce,
        TimeProvider clock,
        Hl7Settings settings,
        IngestReferenceData reference,
        ILogger<Hl7Ingest> logger,
        IEnumerable<IIngestObserver>? observers = null,
        FastLaneSettings? fastLanes = null)
    {
        (_contexts, _announce, _clock, _settings, _reference, _logger) = (contexts, announce, clock, settings, reference, logger);
        _observers = [.. observers ?? []];
        _fastLanes = fastLanes ?? new FastLaneSettings();
        _lanes = new IngestLanes<Pending>(Lanes, MaxBatch, pending => !pending.IsOrder, ProcessAsync, LaneFailed);
    }

    /// <summary>Batches decided so far and the messages in them (the mean batch shows how much group commit shares).</summary>
    public (long Batches, long Messages) Batched => _lanes.Batched;

    /// <summary>Takes one message as received and answers it. <paramref name="sender"/> limits the trusts the caller may send
    /// for.</summary>
    public async Task<IngestOutcome> ReceiveAsync(
        string raw,
        string channel,
        string source,
        AccessScope sender,
        CancellationToken cancellationToken = default,
        string? original = null)
    {
        var started = _clock.GetTimestamp();
        using var span = WorklistMetrics.Traces.StartActivity("HL7 message", ActivityKind.Consumer);
        span?.SetTag("worklist.ingest.channel", channel);
        IngestOutcome outcome;
        try
        {
            outcome = IngestOutcome.FromAck(await AnswerAsync(raw, channel, source, sender, original, cancellationToken));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = NotProcessed(raw, exception);
        }

        span?.SetTag("hl7.ack_code", outcome.Code);
        WorklistMetrics.Ingested(channel, outcome.Code, _clock.GetElapsedTime(started));
        return outcome;
    }

    /// <summary>
    /// A message that could not be processed now is still answered, with why and what to do: nothing about it can be
    /// assumed done (it may have been applied just before the failure), and a resend is recognised and answered once.
    /// </summary>
    private IngestOutcome NotProcessed(string raw, Exception exception)
    {
        var cause = exception switch
        {
            _ when DatabaseUnreachable.Caused(exception) => "the worklist cannot reach its database just now",
            ObjectDisposedException => "this instance of the worklist is shutting down",
            _ => "of an internal error (logged for the support team)",
        };
        _logger.LogWarning(exception, "An HL7 message could not be processed because {Cause}; answered AE for the sender to resend", cause);
        var text =
            $"Not processed because {cause}. Nothing about this message can be assumed done: resend it (a resend is recognised by " +
                $"MSH-10 and answered once).";
        var message = Hl7Message.Parse(StoredText.WithNulVisible(raw)).Value;
        return IngestOutcome.NotProcessed(Ack(message, Hl7Ack.Error, text, [new Hl7Error("MSH", 10, 207, text)], _clock.GetUtcNow()));
    }

    private async Task<string> AnswerAsync(string raw, string channel, string source, AccessScope sender, string? original,
        CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (StoredText.UnstorableAt(raw) is { } nul)
        {
            // Answered and kept, with the character made visible: PostgreSQL text cannot hold it, and the sender must be told.
            var visible = StoredText.WithNulVisible(raw);
            var line = visible[..nul].Split('\r', '\n')[^1];
            var segment = line.Length >= 3 ? line[..3] : "MSH";
            var field = line.Count(c => c == (raw.Length > 3 ? raw[3] : '|')) + (segment == "MSH" ? 1 : 0);
            var reason = StoredText.Refusal("The message", raw, nul);
            return await RefuseUnreadableAsync(visible, channel, source, reason, now, cancellationToken, Hl7Message.Parse(visible).Value,
                new Hl7Error(segment, field, 102, reason));
        }

        var parsed = Hl7Message.Parse(raw);
        if (!parsed.Succeeded)
        {
            return await RefuseUnreadableAsync(raw, channel, source, parsed.Reason!, now, cancellationToken);
        }

        var message = parsed.Value!;
        _ = Hl7Charsets.OfMsh18(message.Value("MSH", 18), out var known);
        if (!known)
        {
            var reason =
                $"MSH-18 names the character set '{StoredText.Echo(message.Value("MSH", 18))}', which this interface cannot read; use " +
                    $"{Hl7Charsets.Supported}.";
            return await RefuseUnreadableAsync(raw, channel, source, reason, now, cancellationToken, message,
                new Hl7Error("MSH", 18, 103, reason));
        }

        var facility = Trimmed(message.SendingFacility, InboundMessage.FacilityMaxLength);
        var controlId = Trimmed(message.ControlId, InboundMessage.ControlIdMaxLength);
        if (controlId.Length == 0 || facility.Length == 0)
        {
            return await RefuseUnreadableAsync(raw, channel, source,
                "MSH-4 (sending facility) and MSH-10 (message control id) are required, so a resend can be recognised.", now,
                cancellationToken, message);
        }

        Activity.Current?.SetTag("hl7.message_type", message.MessageType).SetTag("hl7.control_id", controlId);
        var pending =
            new Pending(message, facility, controlId, sender, now) { Raw = raw, Channel = channel, Source = source, Original = original };
        return (await EnqueueAsync(pending, cancellationToken)).Ack;
    }

    /// <summary>
    /// An administrator runs a refused message again, after fixing what refused it (a facility mapping, a catalogue
    /// entry). The sender already had its answer; the new outcome is recorded on the message and audited.
    /// </summary>
    public async Task<Domain.Common.Outcome<InboundStatus>> ReprocessAsync(Guid messageId, Actor actor,
        CancellationToken cancellationToken = default)
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
                return Domain.Common.Outcome<InboundStatus>.Rejected(
                    "This message could not be read at all; it cannot be processed again. Ask the sender to correct and resend it.");
            }

            stored.Status = InboundStatus.Received;
            stored.Ack = null;
            stored.AckCode = null;
            db.Audit(actor, AuditAction.MessageReprocessed, now,
                $"Processed {stored.MessageType} {stored.ControlId} from {stored.SendingFacility} again", trustId: stored.TrustId);
            await db.SaveChangesAsync(cancellationToken);
            again = new Pending(Hl7Message.Parse(stored.Raw).Value!, stored.SendingFacility, stored.ControlId, AccessScope.WholeNetwork,
                now) { Raw = stored.Raw, Again = stored.Id };
        }

        return Domain.Common.Outcome<InboundStatus>.Accepted((await EnqueueAsync(again, cancellationToken)).Status);
    }

    public ValueTask DisposeAsync() => _lanes.DisposeAsync();

    private async Task<Answered> EnqueueAsync(Pending pending, CancellationToken cancellationToken)
    {
        // One lane per exam: the accession decides it (for orders, results and re-processing alike; a patient update goes
        // by the patient), so nothing about one exam is applied by both lanes at once. A resend follows its first copy.
        var key = pending.Message.MessageType.StartsWith("ADT", StringComparison.Ordinal) ? pending.Message.Value("PID", 3)
            : Hl7OrderReader.AccessionText(pending.Message);
        if (!_lanes.TryWrite($"{pending.Facility}|{key.Trim()}", pending))
        {
            throw new ObjectDisposedException(nameof(Hl7Ingest), "HL7 ingest is shutting down; the message was not stored. Resend it.");
        }

        // The caller may stop waiting; the message is still stored and applied, and a resend gets its answer.
        return await pending.Answer.Task.WaitAsync(cancellationToken);
    }

    private void LaneFailed(List<Pending> batch, Exception exception)
    {
        // Last resort: the lane must outlive any failure, or every later message on it would wait for ever.
        _logger.LogError(exception, "HL7 lane failed on a batch of {Count}; its senders get no answer and will resend", batch.Count);
        foreach (var pending in batch)
        {
            pending.Answer.TrySetException(exception);
        }
    }

    /// <summary>
    /// A span of its own for each group commit (a root, as it serves several callers), linked to the messages in it and
    /// current while the batch is processed, so its database calls are its children; each message's span names the
    /// batch (its span id) and its size, so a slow answer can be traced to the batch it waited in. The caller's own
    /// current span comes back when the calling async method returns.
    /// </summary>
    private static Activity? BatchSpan(List<Pending> batch)
    {
        Activity.Current = null;
        var links = batch.Where(p => p.Trace is not null).Select(p => new ActivityLink(p.Trace!.Context));
        var span = WorklistMetrics.Traces.StartActivity("HL7 batch", ActivityKind.Internal, default(ActivityContext), links: links);
        span?.SetTag("worklist.ingest.batch_size", batch.Count);
        foreach (var pending in batch)
        {
            pending.Trace?.SetTag("worklist.ingest.batch", span?.SpanId.ToHexString()).SetTag("worklist.ingest.batch_size", batch.Count);
        }

        return span;
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

    private async Task ProcessTogetherAsync(List<Pending> batch)
    {
        using var span = BatchSpan(batch);
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

            var added = changes.All.Where(c => c.Added).Select(c => c.Exam).ToList();
            foreach (var observer in _observers)
            {
                changes.Reporting.UnionWith(await observer.OrdersAddedAsync(db, added, now));
            }

            await db.SaveChangesAsync();
            await PublishAsync(changes);
        }

        foreach (var item in work)
        {
            _logger.LogInformation("HL7 {Type} {ControlId} from {Facility}: {Status} ({Code})", item.Stored.MessageType,
                item.Pending.ControlId, item.Pending.Facility, item.Stored.Status, item.Stored.AckCode);
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

        foreach (var examId in changes.Reporting)
        {
            await _announce.ReportingAsync(examId);
        }
    }

    private static Exam? FindExam(WorklistDbContext db, Guid trustId, string accession) =>
        db.Exams.Local.FirstOrDefault(e => e.TrustId == trustId && e.Accession.Value == accession);

    private async Task<Domain.Network.Trust?> TrustOfAsync(string facility)
    {
        var ods = _settings.Facilities.GetValueOrDefault(facility, facility).Trim().ToUpperInvariant();
        return (await _reference.GetAsync(CancellationToken.None)).Trusts.FirstOrDefault(t => t.OdsCode.Value == ods);
    }

    private async Task<string> RefuseUnreadableAsync(
        string raw, string channel, string source, string reason, DateTimeOffset now, CancellationToken cancellationToken,
            Hl7Message? message = null, Hl7Error? error = null)
    {
        var ack =
            Ack(message, Hl7Ack.Reject, reason,
            [error ?? new Hl7Error("MSH", message is null ? 1 : 10, message is null ? 100 : 101, reason)], now);
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

    private string Answer(InboundMessage stored, Hl7Message message, string code, string text, IReadOnlyList<Hl7Error> errors,
        DateTimeOffset now, InboundStatus? status = null)
    {
        var ack = Ack(message, code, text, errors, now);
        stored.Status = status ?? InboundStatus.Rejected;
        stored.AckCode = code;
        stored.Ack = ack;
        stored.Error = code == Hl7Ack.Accept ? null
            : Trimmed(string.Join(" ", errors.Select(e => $"{e.Segment}-{e.Field}: {e.Message}")), InboundMessage.ErrorMaxLength);
        return ack;
    }

    private string Ack(Hl7Message? message, string code, string text, IReadOnlyList<Hl7Error> errors, DateTimeOffset now) =>
        Hl7Ack.Build(message, code, text, errors, now,
            $"IW{now.UtcDateTime:yyyyMMddHHmmss}{Interlocked.Increment(ref _ackSequence) % 100000:D5}");

    private static string Trimmed(string? text, int max)
    {
        var value = (text ?? string.Empty).Trim();
        return value.Length > max ? value[..max] : value;
    }
}
