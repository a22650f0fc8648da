using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>
/// A structured follow-up recommendation from a report: what, by when, why and for whom. It stays open until an order
/// for the same patient (NHS number, or the trust's own record number) with a matching procedure arrives from any trust
/// in the network within its window, or until someone closes it by hand with a reason.
/// </summary>
public sealed class FollowUp
{
    public const int TextMaxLength = 500;
    public const int NameMaxLength = 200;

    private FollowUp()
    {
        PatientMrn = string.Empty;
        Description = string.Empty;
        Reason = string.Empty;
        RecipientName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ExamId { get; private set; }

    public Guid TrustId { get; private set; }

    /// <summary>The patient's NHS number (validated), by which an order at any trust is matched.</summary>
    public string? PatientNhsNumber { get; private set; }

    /// <summary>The recommending trust's own record number, by which its own orders are matched.</summary>
    public string PatientMrn { get; private set; }

    public string? ProcedureCode { get; private set; }

    public Modality? Modality { get; private set; }

    public string? BodyPart { get; private set; }

    public string Description { get; private set; }

    public DateOnly DueBy { get; private set; }

    public string Reason { get; private set; }

    public FollowUpRecipient Recipient { get; private set; }

    public string RecipientName { get; private set; }

    public Guid RecommendedById { get; private set; }

    public DateTimeOffset RecommendedAt { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public Guid? DoneByExamId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public FollowUpClosure? Closure { get; private set; }

    public string? ClosedNote { get; private set; }

    public string? ClosedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status == FollowUpStatus.Open;

    public bool IsOverdueOn(DateOnly today) => IsOpen && today > DueBy;

    public bool IsDueSoonOn(DateOnly today, FollowUpPolicy policy) =>
        IsOpen && !IsOverdueOn(today) && DueBy.ToDateTime(TimeOnly.MinValue) - today.ToDateTime(TimeOnly.MinValue) <= policy.DueSoon;

    public static Outcome<FollowUp> Recommend(
        Guid id, Exam exam, FollowUpWhat what, DateOnly dueBy, string reason, FollowUpRecipient recipient, string recipientName,
        Guid reporterId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exam);
        ArgumentNullException.ThrowIfNull(what);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > TextMaxLength)
        {
            return Outcome<FollowUp>.Rejected($"Say why the follow-up is recommended (at most {TextMaxLength} characters).");
        }

        if (string.IsNullOrWhiteSpace(recipientName) || recipientName.Length > NameMaxLength)
        {
            return Outcome<FollowUp>.Rejected("Name who should arrange it (the referrer or the patient's GP, as on the order).");
        }

        if (StoredText.RefusalFor(("The reason", reason), ("The name", recipientName)) is { } unstorable)
        {
            return Outcome<FollowUp>.Rejected(unstorable);
        }

        var today = UkCalendar.DayOf(now);
        if (dueBy <= today || dueBy > today.AddYears(10))
        {
            return Outcome<FollowUp>.Rejected("The follow-up date must be after today and within ten years.");
        }

        return Outcome<FollowUp>.Accepted(new FollowUp
        {
            Id = id,
            ExamId = exam.Id,
            TrustId = exam.TrustId,
            PatientNhsNumber = exam.Patient.NhsNumber?.Value,
            PatientMrn = exam.Patient.LocalMrn,
            ProcedureCode = what.ProcedureCode,
            Modality = what.Modality,
            BodyPart = string.IsNullOrWhiteSpace(what.BodyPart) ? null : what.BodyPart.Trim().ToUpperInvariant(),
            Description = what.Description,
            DueBy = dueBy,
            Reason = reason.Trim(),
            Recipient = recipient,
            RecipientName = recipientName.Trim(),
            RecommendedById = reporterId,
            RecommendedAt = now,
        });
    }

    /// <summary>
    /// Whether an order satisfies this recommendation: the same patient (NHS number at any trust, or the record number at
    /// the recommending trust), ordered after the recommendation and no later than the date plus the grace, for the same
    /// procedure or one of the same modality and body part. A clinical review is never closed by an order.
    /// </summary>
    public bool IsMetBy(Exam order, FollowUpPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(policy);
        if (!IsOpen || ProcedureCode is null || order.Id == ExamId)
        {
            return false;
        }

        var samePatient = (PatientNhsNumber is not null && order.Patient.NhsNumber?.Value == PatientNhsNumber)
            || (order.TrustId == TrustId && order.Patient.LocalMrn == PatientMrn);
        var inWindow = order.OrderedAt >= RecommendedAt.AddDays(-1)
            && order.OrderedAt <= UkCalendar.Midnight(DueBy.AddDays(1)) + policy.Grace;
        var sameProcedure = string.Equals(order.ProcedureCode, ProcedureCode, StringComparison.OrdinalIgnoreCase)
            || (order.Modality == Modality && BodyPart is not null
                && string.Equals(order.BodyPart, BodyPart, StringComparison.OrdinalIgnoreCase));
        return samePatient && inWindow && sameProcedure;
    }

    public Outcome Complete(Guid orderExamId, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Outcome.Rejected("This recommendation is already closed.");
        }

        Status = FollowUpStatus.Done;
        DoneByExamId = orderExamId;
        ClosedAt = now;
        Version++;
        return Outcome.Accepted;
    }

    public Outcome Close(FollowUpClosure closure, string? note, string closedBy, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Outcome.Rejected("This recommendation is already closed.");
        }

        if ((note?.Length ?? 0) > TextMaxLength)
        {
            return Outcome.Rejected($"The note may be at most {TextMaxLength} characters.");
        }

        if (StoredText.RefusalFor(("The note", note)) is { } unstorable)
        {
            return Outcome.Rejected(unstorable);
        }

        if (closure == FollowUpClosure.DoneElsewhere && string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Rejected("Say where and when it was done, so the record can be found.");
        }

        Status = FollowUpStatus.Closed;
        Closure = closure;
        ClosedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ClosedBy = closedBy;
        ClosedAt = now;
        Version++;
        return Outcome.Accepted;
    }

    /// <summary>The trust merged the patient's record into another (ADT^A40): the recommendation follows the survivor.</summary>
    public void MoveTo(Patient surviving)
    {
        ArgumentNullException.ThrowIfNull(surviving);
        PatientMrn = surviving.LocalMrn;
        PatientNhsNumber = surviving.NhsNumber?.Value ?? PatientNhsNumber;
        Version++;
    }
}
