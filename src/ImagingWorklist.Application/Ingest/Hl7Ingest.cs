using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Ingest;

/// <summary>HL7 v2 settings: which trust each sending facility (MSH-4) is, and the local time zone of unzoned times.</summary>
public sealed class Hl7Settings
{
    /// <summary>MSH-4 value → trust ODS code; a facility not listed is taken to be an ODS code itself.</summary>
    public Dictionary<string, string> Facilities { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeZoneInfo LocalTime { get; init; } = UkTime();

    private static TimeZoneInfo UkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

/// <summary>
/// HL7 v2 orders in (ORM^O01, OMI^O23: new, change, cancel, status change), over MLLP or HTTP. Store, then
/// acknowledge: the message is in the database before any answer goes back, and a resend (same sending facility and
/// MSH-10) gets the first answer again and changes nothing. A status change that arrives before its order is held and
/// applied when the order comes. New and changed exams reach the engine and every open worklist at once.
/// </summary>
public sealed class Hl7Ingest(
    IDbContextFactory<WorklistDbContext> contexts,
    WorklistEngineHost engine,
    IWorklistNotifier notifier,
    TimeProvider clock,
    Hl7Settings settings,
    IngestReferenceData reference,
    ILogger<Hl7Ingest> logger)
{
    public static readonly string[] Versions = ["2.3", "2.3.1", "2.4", "2.5", "2.5.1"];
    public static readonly string[] MessageTypes = ["ORM^O01", "OMI^O23", "ADT^A08", "ADT^A40", "ORU^R01"];

    private int _ackSequence;

    /// <summary>Takes one message as received and answers its ACK. <paramref name="sender"/> limits the trusts the caller may send for.</summary>
    public async Task<string> ReceiveAsync(string raw, string channel, string source, AccessScope sender, CancellationToken cancellationToken = default, string? original = null)
    {
        var now = clock.GetUtcNow();
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

        // One context for the message: it is stored (and committed) first, then applied in a second transaction.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.InboundMessages.SingleOrDefaultAsync(m => m.SendingFacility == facility && m.ControlId == controlId, cancellationToken);
        if (stored?.Ack is { } answered)
        {
            logger.LogInformation("HL7 {Type} {ControlId} from {Facility} is a resend; answered as before ({Code})", stored.MessageType, controlId, facility, stored.AckCode);
            return answered;
        }

        if (stored is null)
        {
            stored = new InboundMessage
            {
                Id = Guid.NewGuid(),
                ReceivedAt = now,
                Channel = channel,
                Source = Trimmed(source, InboundMessage.SourceMaxLength),
                SendingFacility = facility,
                ControlId = controlId,
                MessageType = Trimmed(message.MessageType, InboundMessage.TypeMaxLength),
                Raw = raw,
                Original = original,
                Status = InboundStatus.Received,
            };
            db.InboundMessages.Add(stored);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same message arrived twice at once; the other delivery is answering it.
                return Ack(message, Hl7Ack.Error, "This message is already being processed; resend it shortly to get its acknowledgement.", [new Hl7Error("MSH", 10, 205, "Duplicate message control id in progress.")], now);
            }
        }

        return await ProcessAsync(db, stored, message, sender, now, cancellationToken);
    }

    /// <summary>
    /// An administrator runs a refused message again, after fixing what refused it (a facility mapping, a catalogue
    /// entry). The sender already had its answer; the new outcome is recorded on the message and audited.
    /// </summary>
    public async Task<Domain.Common.Outcome<InboundStatus>> ReprocessAsync(Guid messageId, Claiming.Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        string facility;
        string controlId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
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

            (facility, controlId) = (stored.SendingFacility, stored.ControlId);
            stored.Status = InboundStatus.Received;
            stored.Ack = null;
            stored.AckCode = null;
            db.AuditEvents.Add(new AuditEvent(Guid.NewGuid(), now, AuditAction.MessageReprocessed, actor.Name, null, stored.TrustId, $"Processed {stored.MessageType} {controlId} from {facility} again", actor.Source));
            await db.SaveChangesAsync(cancellationToken);
        }

        await using var again = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await again.InboundMessages.SingleAsync(m => m.Id == messageId, cancellationToken);
        await ProcessAsync(again, message, Hl7Message.Parse(message.Raw).Value!, AccessScope.WholeNetwork, now, cancellationToken);
        return Domain.Common.Outcome<InboundStatus>.Accepted(message.Status);
    }

    private async Task<string> ProcessAsync(WorklistDbContext db, InboundMessage stored, Hl7Message message, AccessScope sender, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facility = stored.SendingFacility!;
        var controlId = stored.ControlId!;
        var changed = new List<(Exam Exam, bool Added)>();
        string ack;
        if (!Versions.Contains(message.Version))
        {
            ack = Answer(stored, message, Hl7Ack.Reject, $"HL7 version '{message.Version}' is not supported; send 2.3 to 2.5.1.", [new Hl7Error("MSH", 12, 203, $"Version '{message.Version}' is not supported.")], now);
        }
        else if (!MessageTypes.Contains(message.MessageType))
        {
            ack = Answer(stored, message, Hl7Ack.Reject, $"Message type {message.MessageType} is not accepted here; send ORM^O01 or OMI^O23 orders, ADT^A08 or ADT^A40 patient updates, or ORU^R01 results.", [new Hl7Error("MSH", 9, 200, $"{message.MessageType} is not supported.")], now);
        }
        else if (await TrustOfAsync(facility, cancellationToken) is not { } trust)
        {
            ack = Answer(stored, message, Hl7Ack.Reject, $"Sending facility '{facility}' is not a trust of this network (configure Hl7:Facilities).", [new Hl7Error("MSH", 4, 204, $"Unknown sending facility '{facility}'.")], now);
        }
        else if (await sender.TrustIdsAsync(db, now, cancellationToken) is { } allowed && !allowed.Contains(trust.Id))
        {
            ack = Answer(stored, message, Hl7Ack.Reject, $"This client may not send messages for {trust.Name}.", [new Hl7Error("MSH", 4, 204, "Sending facility outside the client's trusts.")], now);
        }
        else
        {
            stored.TrustId = trust.Id;
            ack = message.MessageType switch
            {
                "ADT^A08" or "ADT^A40" => await ApplyPatientAsync(db, stored, message, trust, changed, now, cancellationToken),
                "ORU^R01" => await ApplyResultAsync(db, stored, message, trust, changed, now, cancellationToken),
                _ => await ApplyOrderAsync(db, stored, message, trust, changed, now, cancellationToken),
            };
        }

        stored.ProcessedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (exam, added) in changed)
        {
            engine.Apply(exam);
            await notifier.PublishAsync(new WorklistChange(added ? WorklistChangeKind.ExamAdded : WorklistChangeKind.ExamUpdated, exam.Id, exam.Version, exam.ClaimedById, engine.InstanceId), cancellationToken);
        }

        logger.LogInformation("HL7 {Type} {ControlId} from {Facility}: {Status} ({Code})", stored.MessageType, controlId, facility, stored.Status, stored.AckCode);
        return ack;
    }

    private async Task<string> ApplyOrderAsync(WorklistDbContext db, InboundMessage stored, Hl7Message message, Domain.Network.Trust trust, List<(Exam Exam, bool Added)> changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = Hl7OrderReader.Read(message, settings.LocalTime, now);
        if (order.Errors.Count > 0)
        {
            return Answer(stored, message, Hl7Ack.Error, order.Errors[0].Message, order.Errors, now);
        }

        stored.Key = order.Accession!.Value;
        var policy = (await reference.GetAsync(cancellationToken)).Policy;
        var exam = await db.Exams.SingleOrDefaultAsync(e => e.TrustId == trust.Id && e.Accession == order.Accession, cancellationToken);
        if (order.OrderControl == "NW")
        {
            if (exam is not null)
            {
                return Answer(stored, message, Hl7Ack.Error, $"Accession {order.Accession} already exists at {trust.Name}; send XO to change it.", [new Hl7Error("OBR", 18, 205, "Duplicate accession number.")], now);
            }

            var created = await CreateAsync(order, trust, policy, now, cancellationToken);
            if (created.Error is { } error)
            {
                return Answer(stored, message, Hl7Ack.Error, error.Message, [error], now);
            }

            exam = created.Exam!;
            db.Exams.Add(exam);
            Audit(db, AuditAction.OrderReceived, exam, $"Order {exam.Accession} received ({exam.ProcedureDescription})", stored, now);
            if (order.ImagesComplete)
            {
                exam.MarkReady(order.PerformedAt ?? now, now, policy);
                Audit(db, AuditAction.ImagesPrepared, exam, $"Images complete for {exam.Accession}", stored, now);
            }

            stored.ExamId = exam.Id;
            changed.Add((exam, true));
            await ApplyHeldAsync(db, exam, policy, trust, stored, now, cancellationToken);
            var warning = order.Warnings.Count > 0 ? " " + string.Join(" ", order.Warnings) : string.Empty;
            return Answer(stored, message, Hl7Ack.Accept, $"Order {exam.Accession} accepted.{warning}", [], now, InboundStatus.Applied);
        }

        if (exam is null)
        {
            // A change, cancellation or status update before its order: keep it, apply it when the order arrives.
            return Answer(stored, message, Hl7Ack.Accept, $"No order {order.Accession} yet; this message is held and will be applied when the order arrives.", [], now, InboundStatus.Held);
        }

        var outcome = ApplyChange(db, exam, order, policy, stored, now);
        if (!outcome.Succeeded)
        {
            return Answer(stored, message, Hl7Ack.Error, outcome.Reason!, [new Hl7Error("ORC", 1, 207, outcome.Reason!)], now);
        }

        stored.ExamId = exam.Id;
        changed.Add((exam, false));
        return Answer(stored, message, Hl7Ack.Accept, $"{Describe(order.OrderControl)} applied to {exam.Accession}.", [], now, InboundStatus.Applied);
    }

    /// <summary>
    /// ADT^A08 corrects the patient on every exam the trust holds under that local identifier; ADT^A40 moves the exams
    /// of the merged-away record (MRG-1) onto the surviving one (PID).
    /// </summary>
    private async Task<string> ApplyPatientAsync(WorklistDbContext db, InboundMessage stored, Hl7Message message, Domain.Network.Trust trust, List<(Exam Exam, bool Added)> changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new List<Hl7Error>();
        var warnings = new List<string>();
        var patient = Hl7OrderReader.ReadPatient(message, errors, warnings);
        var merge = message.MessageType == "ADT^A40";
        var previous = merge ? message.Value("MRG", 1).Trim() : patient?.LocalMrn;
        if (merge && string.IsNullOrEmpty(previous))
        {
            errors.Add(new Hl7Error("MRG", 1, 101, "A merge must give the identifier of the record merged away in MRG-1."));
        }

        if (errors.Count > 0 || patient is null)
        {
            return Answer(stored, message, Hl7Ack.Error, errors.FirstOrDefault()?.Message ?? "The patient could not be read.", errors, now);
        }

        stored.Key = Trimmed(previous, InboundMessage.KeyMaxLength);
        var exams = await db.Exams.Where(e => e.TrustId == trust.Id && e.Patient.LocalMrn == previous).ToListAsync(cancellationToken);
        foreach (var exam in exams)
        {
            if (exam.CorrectPatient(patient, now).Succeeded)
            {
                Audit(db, AuditAction.PatientUpdated, exam, merge ? $"Patient record {previous} merged into {patient.LocalMrn}" : "Patient details updated by the trust", stored, now);
                changed.Add((exam, false));
            }
        }

        var warning = warnings.Count > 0 ? " " + string.Join(" ", warnings) : string.Empty;
        return Answer(stored, message, Hl7Ack.Accept, $"{(merge ? "Merge" : "Update")} applied to {changed.Count} exam(s).{warning}", [], now, InboundStatus.Applied);
    }

    /// <summary>ORU^R01 with a final result (OBR-25 F or C): the trust reported the exam itself, so it leaves the pool.</summary>
    private async Task<string> ApplyResultAsync(WorklistDbContext db, InboundMessage stored, Hl7Message message, Domain.Network.Trust trust, List<(Exam Exam, bool Added)> changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = Hl7OrderReader.Read(message, settings.LocalTime, now);
        var accessionError = order.Errors.FirstOrDefault(e => e.Segment is "OBR" or "IPC" && e.Field is 18 or 1);
        if (order.Accession is null)
        {
            var error = accessionError ?? new Hl7Error("OBR", 18, 101, "The accession number is missing.");
            return Answer(stored, message, Hl7Ack.Error, error.Message, [error], now);
        }

        stored.Key = order.Accession.Value;
        var status = message.Value("OBR", 25).Trim().ToUpperInvariant();
        if (status is not ("F" or "C"))
        {
            return Answer(stored, message, Hl7Ack.Accept, $"Result status '{status}' is not final; nothing changed.", [], now, InboundStatus.Applied);
        }

        var exam = await db.Exams.SingleOrDefaultAsync(e => e.TrustId == trust.Id && e.Accession == order.Accession, cancellationToken);
        if (exam is null)
        {
            return Answer(stored, message, Hl7Ack.Error, $"No exam {order.Accession} at {trust.Name}.", [new Hl7Error("OBR", 18, 204, $"Unknown accession {order.Accession}.")], now);
        }

        var reportedAt = Hl7Message.ParseTime(message.Value("OBR", 22), settings.LocalTime) ?? now;
        var closed = exam.CloseAsReportedElsewhere(reportedAt, now);
        if (closed.Succeeded)
        {
            Audit(db, AuditAction.Reported, exam, $"Reported at the trust ({message.SendingApplication}); removed from the network worklist", stored, now);
            changed.Add((exam, false));
            stored.ExamId = exam.Id;
        }

        return Answer(stored, message, Hl7Ack.Accept, closed.Succeeded ? $"Exam {exam.Accession} closed as reported at the trust." : $"{closed.Reason} Nothing changed.", [], now, InboundStatus.Applied);
    }

    private static Domain.Common.Outcome ApplyChange(WorklistDbContext db, Exam exam, Hl7Order order, TurnaroundPolicy policy, InboundMessage stored, DateTimeOffset now)
    {
        if (order.StudyInstanceUid is { } study && order.OrderControl is not ("CA" or "OC" or "DC"))
        {
            exam.RecordStudy(study, now);
        }

        switch (order.OrderControl)
        {
            case "CA" or "OC" or "DC":
                var cancelled = exam.Cancel(now);
                if (cancelled.Succeeded)
                {
                    Audit(db, AuditAction.ExamCancelled, exam, $"Order {exam.Accession} cancelled by the RIS", stored, now);
                }

                return cancelled;
            case "XO":
                var priority = order.Priority;
                var changedOrder = exam.ChangeOrder(priority, string.IsNullOrWhiteSpace(order.ClinicalDetails) ? exam.ClinicalDetails : order.ClinicalDetails, policy, now);
                if (changedOrder.Succeeded && exam.State == ExamState.Ordered && order.ImagesComplete)
                {
                    exam.MarkReady(order.PerformedAt ?? now, now, policy);
                    Audit(db, AuditAction.ImagesPrepared, exam, $"Images complete for {exam.Accession}", stored, now);
                }

                return changedOrder;
            default:
                if (!order.ImagesComplete)
                {
                    // A status change that is not "exam complete" (scheduled, arrived, in progress) changes nothing here.
                    return Domain.Common.Outcome.Accepted;
                }

                if (exam.State != ExamState.Ordered)
                {
                    return Domain.Common.Outcome.Accepted;
                }

                var ready = exam.MarkReady(order.PerformedAt ?? now, now, policy);
                if (ready.Succeeded)
                {
                    Audit(db, AuditAction.ImagesPrepared, exam, $"Images complete for {exam.Accession}", stored, now);
                }

                return ready;
        }
    }

    private async Task ApplyHeldAsync(WorklistDbContext db, Exam exam, TurnaroundPolicy policy, Domain.Network.Trust trust, InboundMessage order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = exam.Accession.Value;
        var held = await db.InboundMessages.Where(m => m.TrustId == trust.Id && m.Key == key && m.Status == InboundStatus.Held).OrderBy(m => m.ReceivedAt).ToListAsync(cancellationToken);
        foreach (var waiting in held)
        {
            var read = Hl7OrderReader.Read(Hl7Message.Parse(waiting.Raw).Value!, settings.LocalTime, now);
            var outcome = ApplyChange(db, exam, read, policy, waiting, now);
            waiting.Status = outcome.Succeeded ? InboundStatus.Applied : InboundStatus.Rejected;
            waiting.Error = outcome.Succeeded ? null : Trimmed($"Held until order {key} arrived ({order.ControlId}), then refused: {outcome.Reason}", InboundMessage.ErrorMaxLength);
            waiting.ExamId = exam.Id;
            waiting.ProcessedAt = now;
        }
    }

    private async Task<(Exam? Exam, Hl7Error? Error)> CreateAsync(Hl7Order order, Domain.Network.Trust trust, TurnaroundPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(order.ProcedureCode))
        {
            return (null, new Hl7Error("OBR", 4, 101, "OBR-4 must give the procedure code."));
        }

        var procedure = await reference.ProcedureAsync(order.ProcedureCode, cancellationToken);
        if (procedure is null)
        {
            return (null, new Hl7Error("OBR", 4, 103, $"Procedure code '{order.ProcedureCode}' is not in the procedure catalogue; add it (Admin) or correct the order."));
        }

        var sites = (await reference.GetAsync(cancellationToken)).Sites[trust.Id].ToList();
        var site = order.SiteCode is { } code ? sites.FirstOrDefault(s => s.OdsCode.Value == code) : sites.Count == 1 ? sites[0] : null;
        if (site is null)
        {
            return (null, new Hl7Error("PV1", 3, order.SiteCode is null ? 101 : 103,
                order.SiteCode is null ? $"PV1-3 must name the site (its ODS code); {trust.Name} has {sites.Count} sites." : $"Site '{order.SiteCode}' is not a site of {trust.Name}."));
        }

        var exam = Exam.Order(
            new ExamOrder(Guid.NewGuid(), trust.Id, site.Id, order.Accession!, order.StudyInstanceUid, order.Patient!, procedure.Modality, procedure.BodyPart, procedure.Code,
                procedure.Description, procedure.RequiredSkill, procedure.ExpectedReadingMinutes, order.Pathway, order.PatientClass, order.Priority, order.ClinicalDetails,
                order.OrderedAt, order.PerformedAt),
            policy,
            now);
        return (exam, null);
    }

    private async Task<Domain.Network.Trust?> TrustOfAsync(string facility, CancellationToken cancellationToken)
    {
        var ods = settings.Facilities.GetValueOrDefault(facility, facility).Trim().ToUpperInvariant();
        return (await reference.GetAsync(cancellationToken)).Trusts.FirstOrDefault(t => t.OdsCode.Value == ods);
    }

    private async Task<string> RefuseUnreadableAsync(string raw, string channel, string source, string reason, DateTimeOffset now, CancellationToken cancellationToken, Hl7Message? message = null)
    {
        var ack = Ack(message, Hl7Ack.Reject, reason, [new Hl7Error("MSH", message is null ? 1 : 10, message is null ? 100 : 101, reason)], now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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

    private static void Audit(WorklistDbContext db, AuditAction action, Exam exam, string detail, InboundMessage message, DateTimeOffset now) =>
        db.AuditEvents.Add(new AuditEvent(Guid.NewGuid(), now, action, $"{message.Channel}:{message.SendingFacility}", exam.Id, exam.TrustId, detail, message.Source));

    private static string Describe(string control) => control switch
    {
        "XO" => "Order change",
        "CA" or "OC" or "DC" => "Cancellation",
        _ => "Status change",
    };

    private static string Trimmed(string? text, int max)
    {
        var value = (text ?? string.Empty).Trim();
        return value.Length > max ? value[..max] : value;
    }
}
