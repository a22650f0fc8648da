using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FastLanes;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Ingest;

/// <summary>What each message does to the exams, decided inside the batch's transaction.</summary>
public sealed partial class Hl7Ingest
{
    private async Task<string> ApplyAsync(WorklistDbContext db, Work item, Changes changes, DateTimeOffset now)
    {
        var (stored, message) = (item.Stored, item.Pending.Message);
        if (!Versions.Contains(message.Version))
        {
            return Answer(stored, message, Hl7Ack.Reject, $"HL7 version '{message.Version}' is not supported; send 2.3 to 2.5.1.",
                [new Hl7Error("MSH", 12, 203, $"Version '{message.Version}' is not supported.")], now);
        }

        if (!MessageTypes.Contains(message.MessageType))
        {
            return Answer(stored, message, Hl7Ack.Reject,
                $"Message type {message.MessageType} is not accepted here; send ORM^O01 or OMI^O23 orders, ADT^A08 or ADT^A40 patient " +
                    $"updates, or ORU^R01 results.", [new Hl7Error("MSH", 9, 200, $"{message.MessageType} is not supported.")], now);
        }

        if (item.Trust is not { } trust)
        {
            return Answer(stored, message, Hl7Ack.Reject,
                $"Sending facility '{item.Pending.Facility}' is not a trust of this network (configure Hl7:Facilities).",
                [new Hl7Error("MSH", 4, 204, $"Unknown sending facility '{item.Pending.Facility}'.")], now);
        }

        if (await item.Pending.Sender.TrustIdsAsync(db, now, CancellationToken.None) is { } allowed && !allowed.Contains(trust.Id))
        {
            return Answer(stored, message, Hl7Ack.Reject, $"This client may not send messages for {trust.Name}.",
                [new Hl7Error("MSH", 4, 204, "Sending facility outside the client's trusts.")], now);
        }

        stored.TrustId = trust.Id;
        return message.MessageType switch
        {
            "ADT^A08" or "ADT^A40" => await ApplyPatientAsync(db, stored, message, trust, changes, now),
            "ORU^R01" => await ApplyResultAsync(db, item, trust, changes, now),
            _ => await ApplyOrderAsync(db, item, trust, changes, now),
        };
    }

    private async Task<string> ApplyOrderAsync(WorklistDbContext db, Work item, Domain.Network.Trust trust, Changes changes,
        DateTimeOffset now)
    {
        var (stored, message, order) = (item.Stored, item.Pending.Message, item.Order!);
        if (order.Errors.Count > 0)
        {
            return Answer(stored, message, Hl7Ack.Error, order.Errors[0].Message, order.Errors, now);
        }

        stored.Key = order.Accession!.Value;
        var policy = (await _reference.GetAsync(CancellationToken.None)).Policy;
        var exam = FindExam(db, trust.Id, order.Accession.Value);
        if (order.OrderControl == "NW")
        {
            if (exam is not null)
            {
                return Answer(stored, message, Hl7Ack.Error,
                    $"Accession {order.Accession} already exists at {trust.Name}; send XO to change it.",
                    [new Hl7Error("OBR", 18, 205, "Duplicate accession number.")], now);
            }

            var created = await CreateAsync(order, trust, policy, now);
            if (created.Error is { } error)
            {
                return Answer(stored, message, Hl7Ack.Error, error.Message, [error], now);
            }

            exam = created.Exam!;
            db.Exams.Add(exam);
            Audit(db, AuditAction.OrderReceived, exam, $"Order {exam.Accession} received ({exam.ProcedureDescription})", stored, now);
            FastLaneEntry.FromOrder(db, exam, order.LaneCodes, _fastLanes, IngestActor(stored), now);
            if (order.ImagesComplete)
            {
                exam.MarkReady(order.PerformedAt ?? now, now, policy);
                Audit(db, AuditAction.ImagesPrepared, exam, $"Images complete for {exam.Accession}", stored, now);
            }

            stored.ExamId = exam.Id;
            changes.Add(exam, added: true);
            ApplyHeld(db, exam, policy, now);
            var warning = order.Warnings.Count > 0 ? " " + string.Join(" ", order.Warnings) : string.Empty;
            return Answer(stored, message, Hl7Ack.Accept, $"Order {exam.Accession} accepted.{warning}", [], now, InboundStatus.Applied);
        }

        if (exam is null)
        {
            // A change, cancellation or status update before its order: keep it, apply it when the order arrives.
            return Answer(stored, message, Hl7Ack.Accept,
                $"No order {order.Accession} yet; this message is held and will be applied when the order arrives.", [], now,
                InboundStatus.Held);
        }

        var outcome = ApplyChange(db, exam, order, policy, stored, now);
        if (!outcome.Succeeded)
        {
            return Answer(stored, message, Hl7Ack.Error, outcome.Reason!, [new Hl7Error("ORC", 1, 207, outcome.Reason!)], now);
        }

        stored.ExamId = exam.Id;
        changes.Add(exam, added: false);
        return Answer(stored, message, Hl7Ack.Accept, $"{Describe(order.OrderControl)} applied to {exam.Accession}.", [], now,
            InboundStatus.Applied);
    }
    /// <summary>
    /// ADT^A08 corrects the patient on every exam the trust holds under that local identifier; ADT^A40 moves the exams
    /// of the merged-away record (MRG-1) onto the surviving one (PID).
    /// </summary>
    private async Task<string> ApplyPatientAsync(WorklistDbContext db, InboundMessage stored, Hl7Message message,
        Domain.Network.Trust trust, Changes changes, DateTimeOffset now)
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
        var exams = await db.Exams.Where(e => e.TrustId == trust.Id && e.Patient.LocalMrn == previous).ToListAsync();
        var corrected = 0;
        foreach (var exam in exams)
        {
            if (exam.CorrectPatient(patient, now).Succeeded)
            {
                Audit(db, AuditAction.PatientUpdated, exam, merge
                    ? $"Patient record {previous} merged into {patient.LocalMrn}" : "Patient details updated by the trust", stored, now);
                changes.Add(exam, added: false);
                corrected++;
            }
        }

        if (merge)
        {
            foreach (var observer in _observers)
            {
                await observer.PatientMergedAsync(db, trust.Id, previous!, patient, now);
            }
        }

        var warning = warnings.Count > 0 ? " " + string.Join(" ", warnings) : string.Empty;
        return Answer(stored, message, Hl7Ack.Accept, $"{(merge ? "Merge" : "Update")} applied to {corrected} exam(s).{warning}", [], now,
            InboundStatus.Applied);
    }

    /// <summary>
    /// ORU^R01: from a registered AI algorithm (MSH-3 names it), its findings on the exam; otherwise a final result (OBR-25 F or
    /// C): the trust reported the exam itself, so it leaves the pool.
    /// </summary>
    private async Task<string> ApplyResultAsync(WorklistDbContext db, Work item, Domain.Network.Trust trust, Changes changes,
        DateTimeOffset now)
    {
        var application = item.Pending.Message.SendingApplication.Trim();
        if (application.Length > 0
            && await db.AiAlgorithms.AsNoTracking().SingleOrDefaultAsync(a => a.Application == application) is { } algorithm)
        {
            return await ApplyAiResultAsync(db, item, trust, algorithm, changes, now);
        }

        if (item.Stored.Channel == "FHIR")
        {
            // Over FHIR a result can only be an AI system's: its device must be a registered algorithm.
            var reason = application.Length == 0
                ? "The result does not name its algorithm: give Observation.device (identifier value or display) as registered."
                : $"No AI algorithm is registered as '{StoredText.Echo(application, 60)}'; an administrator registers it on the AI " +
                    $"triage page, with the findings it may send.";
            return Answer(item.Stored, item.Pending.Message, Hl7Ack.Error, reason, [new Hl7Error("MSH", 3, 204, reason)], now);
        }

        var (stored, message, order) = (item.Stored, item.Pending.Message, item.Order!);
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
            return Answer(stored, message, Hl7Ack.Accept, $"Result status '{status}' is not final; nothing changed.", [], now,
                InboundStatus.Applied);
        }

        if (FindExam(db, trust.Id, order.Accession.Value) is not { } exam)
        {
            return Answer(stored, message, Hl7Ack.Error, $"No exam {order.Accession} at {trust.Name}.",
                [new Hl7Error("OBR", 18, 204, $"Unknown accession {order.Accession}.")], now);
        }

        var reportedAt = Hl7Message.ParseTime(message.Value("OBR", 22), UkCalendar.Zone) ?? now;
        var closed = exam.CloseAsReportedElsewhere(reportedAt, now);
        if (closed.Succeeded)
        {
            Audit(db, AuditAction.Reported, exam,
                $"Reported at the trust ({message.SendingApplication}); removed from the network worklist", stored, now);
            changes.Add(exam, added: false);
            stored.ExamId = exam.Id;
        }

        return Answer(stored, message, Hl7Ack.Accept, closed.Succeeded
            ? $"Exam {exam.Accession} closed as reported at the trust." : $"{closed.Reason} Nothing changed.", [], now,
            InboundStatus.Applied);
    }

    private Domain.Common.Outcome ApplyChange(WorklistDbContext db, Exam exam, Hl7Order order, TurnaroundPolicy policy,
        InboundMessage stored, DateTimeOffset now)
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
                var changedOrder =
                    exam.ChangeOrder(priority, string.IsNullOrWhiteSpace(order.ClinicalDetails) ? exam.ClinicalDetails
                    : order.ClinicalDetails, policy, now);
                if (changedOrder.Succeeded)
                {
                    // A radiographer at the scanner flags a stroke or trauma call by changing the order's reason at the RIS.
                    FastLaneEntry.FromOrder(db, exam, order.LaneCodes, _fastLanes, IngestActor(stored), now);
                }

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

    private async Task<(Exam? Exam, Hl7Error? Error)> CreateAsync(Hl7Order order, Domain.Network.Trust trust, TurnaroundPolicy policy,
        DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(order.ProcedureCode))
        {
            return (null, new Hl7Error("OBR", 4, 101, "OBR-4 must give the procedure code."));
        }

        var procedure = await _reference.ProcedureAsync(order.ProcedureCode, CancellationToken.None);
        if (procedure is null)
        {
            return (null,
                new Hl7Error("OBR", 4, 103,
                $"Procedure code '{order.ProcedureCode}' is not in the procedure catalogue; add it (Admin) or correct the order."));
        }

        var sites = (await _reference.GetAsync(CancellationToken.None)).Sites[trust.Id].ToList();
        var site = order.SiteCode is { } code ? sites.FirstOrDefault(s => s.OdsCode.Value == code) : sites.Count == 1 ? sites[0] : null;
        if (site is null)
        {
            return (null, new Hl7Error("PV1", 3, order.SiteCode is null ? 101 : 103,
                order.SiteCode is null
                    ? $"PV1-3 must name the site (its ODS code); {trust.Name} has {sites.Count} sites." : $"Site '{order.SiteCode}' is " +
                        $"not a site of {trust.Name}."));
        }

        var exam = Exam.Order(
            new ExamOrder(Guid.NewGuid(), trust.Id, site.Id, order.Accession!, order.StudyInstanceUid, order.Patient!, procedure.Modality,
                procedure.BodyPart, procedure.Code,
                procedure.Description, procedure.RequiredSkill, procedure.ExpectedReadingMinutes, order.Pathway, order.PatientClass,
                    order.Priority, order.ClinicalDetails,
                order.OrderedAt, order.PerformedAt, order.Referrer, order.RegisteredGp),
            policy,
            now);
        return (exam, null);
    }

    private static void Audit(WorklistDbContext db, AuditAction action, Exam exam, string detail, InboundMessage message,
        DateTimeOffset now) =>
        db.Audit(IngestActor(message), action, now, detail, examId: exam.Id, trustId: exam.TrustId);

    private static Actor IngestActor(InboundMessage message) => new($"{message.Channel}:{message.SendingFacility}", Source: message.Source);

    private static string Describe(string control) => control switch
    {
        "XO" => "Order change",
        "CA" or "OC" or "DC" => "Cancellation",
        _ => "Status change",
    };
}
