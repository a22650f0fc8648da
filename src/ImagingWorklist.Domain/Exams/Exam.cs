using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Domain.Exams;

/// <summary>
/// One imaging examination awaiting a report. It guards its own lifecycle: every transition returns an
/// <see cref="Outcome"/>, and every accepted change bumps <see cref="Version"/>, the concurrency token that
/// lets the database arbitrate between reporters and app instances.
/// </summary>
public sealed partial class Exam
{
    public const int BodyPartMaxLength = 40;
    public const int ProcedureCodeMaxLength = 40;
    public const int ProcedureDescriptionMaxLength = 200;
    public const int ClinicalDetailsMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int PersonMaxLength = 200;
    public const int AiFlagMaxLength = 400;

    private Exam()
    {
        Accession = null!;
        Patient = null!;
        BodyPart = string.Empty;
        ProcedureCode = string.Empty;
        ProcedureDescription = string.Empty;
        ClinicalDetails = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TrustId { get; private set; }

    public Guid SiteId { get; private set; }

    public AccessionNumber Accession { get; private set; }

    public StudyInstanceUid? StudyInstanceUid { get; private set; }

    public Patient Patient { get; private set; }

    public Modality Modality { get; private set; }

    public string BodyPart { get; private set; }

    public string ProcedureCode { get; private set; }

    public string ProcedureDescription { get; private set; }

    public Skill RequiredSkill { get; private set; }

    public int ExpectedReadingMinutes { get; private set; }

    public Pathway Pathway { get; private set; }

    public PatientClass PatientClass { get; private set; }

    public ClinicalPriority Priority { get; private set; }

    public string ClinicalDetails { get; private set; }

    /// <summary>Who ordered the exam, as the order names them (ORC-12 or OBR-16; FHIR requester).</summary>
    public string? Referrer { get; private set; }

    /// <summary>The patient's registered GP, as the order names them (PD1-4).</summary>
    public string? RegisteredGp { get; private set; }

    public DateTimeOffset OrderedAt { get; private set; }

    /// <summary>When the examination was performed (OBR-7): the start of the turnaround clock.</summary>
    public DateTimeOffset? PerformedAt { get; private set; }

    /// <summary>SWIM ImagesPrepared: the exam became ready to report.</summary>
    public DateTimeOffset? ReadyAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public ExamState State { get; private set; }

    public Guid? ClaimedById { get; private set; }

    public Guid? ClaimToken { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public string? HoldReason { get; private set; }

    /// <summary>SWIM Reported: the final report was signed.</summary>
    public DateTimeOffset? ReportedAt { get; private set; }

    /// <summary>
    /// Whole minutes from the examination to the final (verified) report: the NHS England turnaround time, kept so the
    /// database can aggregate it (both providers can compare and group integers; not all can subtract times).
    /// </summary>
    public int? TurnaroundMinutes { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>
    /// The sentence of a live AI algorithm's positive finding ("AI (qER v2) flagged suspected intracranial haemorrhage,
    /// score 0.93"), or null: a flagged exam is ranked as an emergency and "Why?" says which algorithm and why.
    /// </summary>
    public string? AiFlag { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public Claim? CurrentClaim =>
        ClaimedById is { } reporter && ClaimToken is { } token && ClaimedAt is { } at && LeaseExpiresAt is { } expires
            ? new Claim(reporter, token, at, expires)
            : null;

    public DateTimeOffset TurnaroundClockStart => PerformedAt ?? ReadyAt ?? OrderedAt;

    public static Exam Order(ExamOrder order, TurnaroundPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(order.ExpectedReadingMinutes);
        var exam = new Exam
        {
            Id = order.Id,
            TrustId = order.TrustId,
            SiteId = order.SiteId,
            Accession = order.Accession,
            StudyInstanceUid = order.StudyInstanceUid,
            Patient = order.Patient,
            Modality = order.Modality,
            BodyPart = order.BodyPart,
            ProcedureCode = order.ProcedureCode,
            ProcedureDescription = order.ProcedureDescription,
            RequiredSkill = order.RequiredSkill,
            ExpectedReadingMinutes = order.ExpectedReadingMinutes,
            Pathway = order.Pathway,
            PatientClass = order.PatientClass,
            Priority = order.Priority,
            ClinicalDetails = order.ClinicalDetails,
            Referrer = Person(order.Referrer),
            RegisteredGp = Person(order.RegisteredGp),
            OrderedAt = order.OrderedAt,
            PerformedAt = order.PerformedAt,
            State = ExamState.Ordered,
            UpdatedAt = now,
        };
        exam.DueAt = policy.DueAt(exam.TurnaroundClockStart, exam.Pathway, exam.PatientClass, exam.Modality, exam.Priority);
        return exam;
    }

    private static string? Person(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim() is { Length: > PersonMaxLength } long_ ? long_[..PersonMaxLength]
            : name.Trim();

    /// <summary>Images complete: the exam joins the reporting pool (SWIM ImagesPrepared).</summary>
    public Outcome MarkReady(DateTimeOffset performedAt, DateTimeOffset now, TurnaroundPolicy policy)
    {
        if (State != ExamState.Ordered)
        {
            return Outcome.Rejected($"Exam {Accession} is {State}; only an ordered exam can become ready to report.");
        }

        PerformedAt ??= performedAt;
        ReadyAt = now;
        DueAt = policy.DueAt(TurnaroundClockStart, Pathway, PatientClass, Modality, Priority);
        return Changed(ExamState.Ready, now);
    }

    public Outcome<Claim> Claim(Guid reporterId, Guid leaseToken, TimeSpan lease, DateTimeOffset now)
    {
        if (State == ExamState.Claimed && CurrentClaim is { } held && !held.IsExpiredAt(now))
        {
            return held.ReporterId == reporterId
                ? Outcome<Claim>.Rejected($"You already hold exam {Accession}.")
                : Outcome<Claim>.Rejected($"Exam {Accession} is already claimed by another reporter since {held.ClaimedAt:HH:mm}.");
        }

        if (State is not (ExamState.Ready or ExamState.Claimed))
        {
            return Outcome<Claim>.Rejected($"Exam {Accession} is {State} and cannot be claimed.");
        }

        ClaimedById = reporterId;
        ClaimToken = leaseToken;
        ClaimedAt = now;
        LeaseExpiresAt = now + lease;
        Changed(ExamState.Claimed, now);
        return Outcome<Claim>.Accepted(CurrentClaim!);
    }

    public Outcome RenewLease(Guid leaseToken, TimeSpan lease, DateTimeOffset now)
    {
        var holds = HeldBy(leaseToken, now);
        if (!holds.Succeeded)
        {
            return holds;
        }

        LeaseExpiresAt = now + lease;
        return Changed(State, now);
    }

    /// <summary>SWIM Sendback: the holder gives the exam back. Drafts live in reports, so nothing is lost.</summary>
    public Outcome Release(Guid leaseToken, DateTimeOffset now)
    {
        var holds = HeldBy(leaseToken, now);
        if (!holds.Succeeded)
        {
            return holds;
        }

        ClearClaim();
        return Changed(ExamState.Ready, now);
    }

    public Outcome ExpireLease(DateTimeOffset now)
    {
        if (State != ExamState.Claimed || CurrentClaim is not { } claim || !claim.IsExpiredAt(now))
        {
            return Outcome.Rejected($"Exam {Accession} has no expired lease.");
        }

        ClearClaim();
        return Changed(ExamState.Ready, now);
    }

    /// <summary>
    /// The holder may no longer hold the exam (their credential for its trust has lapsed): their claim is withdrawn,
    /// whatever its lease, and the exam goes back to the pool. The draft stays with the report.
    /// </summary>
    public Outcome WithdrawClaim(Guid holderId, DateTimeOffset now)
    {
        // Only the claim that lapsed: if the exam has been released and claimed again since, the new claim stands.
        if (State != ExamState.Claimed || CurrentClaim is null || ClaimedById != holderId)
        {
            return Outcome.Rejected($"Exam {Accession} is not claimed by that reporter.");
        }

        ClearClaim();
        return Changed(ExamState.Ready, now);
    }

    public Outcome Hold(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Rejected("A hold needs a reason (for example: awaiting priors).");
        }

        if (State is not (ExamState.Ready or ExamState.Claimed))
        {
            return Outcome.Rejected($"Exam {Accession} is {State} and cannot be put on hold.");
        }

        ClearClaim();
        HoldReason = reason.Trim();
        return Changed(ExamState.OnHold, now);
    }

    public Outcome Resume(DateTimeOffset now)
    {
        if (State != ExamState.OnHold)
        {
            return Outcome.Rejected($"Exam {Accession} is not on hold.");
        }

        HoldReason = null;
        return Changed(ExamState.Ready, now);
    }

    /// <summary>The images' Study Instance UID, when it arrives after the order (with "exam complete").</summary>
    public Outcome RecordStudy(StudyInstanceUid study, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study == StudyInstanceUid)
        {
            return Outcome.Rejected("Nothing changed.");
        }

        StudyInstanceUid = study;
        return Changed(State, now);
    }

    /// <summary>A live AI result raised, changed or withdrew the exam's flag (<see cref="Ai.AiResult.FlagFor"/>).</summary>
    public Outcome SetAiFlag(string? flag, DateTimeOffset now)
    {
        var value = flag is { Length: > AiFlagMaxLength } ? flag[..AiFlagMaxLength] : flag;
        if (value == AiFlag)
        {
            return Outcome.Rejected("Nothing changed.");
        }

        AiFlag = value;
        return Changed(State, now);
    }

    /// <summary>The trust corrected the patient's details or merged two records (HL7 ADT^A08, ADT^A40).</summary>
    public Outcome CorrectPatient(Patient patient, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient == Patient)
        {
            return Outcome.Rejected("Nothing changed.");
        }

        Patient = patient;
        return Changed(State, now);
    }

    /// <summary>
    /// The order was changed at the RIS (HL7 ORC-1 XO): a new priority or clinical details. The due time follows the
    /// priority; a claim in progress stands (the reporter sees the change on their open exam).
    /// </summary>
    public Outcome ChangeOrder(ClinicalPriority priority, string clinicalDetails, TurnaroundPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (State.IsTerminal())
        {
            return Outcome.Rejected($"Exam {Accession} is {State}; a change to its order can no longer be applied.");
        }

        Priority = priority;
        ClinicalDetails = (clinicalDetails ?? string.Empty).Trim();
        DueAt = policy.DueAt(TurnaroundClockStart, Pathway, PatientClass, Modality, Priority);
        return Changed(State, now);
    }

    /// <summary>The order was cancelled at the RIS (HL7 ORC-1 CA).</summary>
    public Outcome Cancel(DateTimeOffset now)
    {
        if (State.IsTerminal())
        {
            return Outcome.Rejected($"Exam {Accession} is {State} and cannot be cancelled.");
        }

        ClearClaim();
        CancelledAt = now;
        return Changed(ExamState.Cancelled, now);
    }

    public bool IsOverdueAt(DateTimeOffset now) => !State.IsTerminal() && now > DueAt;

    private Outcome HeldBy(Guid leaseToken, DateTimeOffset now)
    {
        if (State is not (ExamState.Claimed or ExamState.Preliminary) || ClaimToken != leaseToken)
        {
            return Outcome.Rejected($"You do not hold exam {Accession}.");
        }

        return CurrentClaim!.IsExpiredAt(now)
            ? Outcome.Rejected($"Your claim on exam {Accession} expired at {LeaseExpiresAt:HH:mm}.")
            : Outcome.Accepted;
    }

    private void ClearClaim()
    {
        ClaimedById = null;
        ClaimToken = null;
        ClaimedAt = null;
        LeaseExpiresAt = null;
    }

    private Outcome Changed(ExamState state, DateTimeOffset now)
    {
        State = state;
        UpdatedAt = now;
        Version++;
        return Outcome.Accepted;
    }
}
