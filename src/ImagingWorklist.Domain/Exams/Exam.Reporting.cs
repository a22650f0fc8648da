using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Exams;

/// <summary>The exam's reporting transitions: preliminary, final, verification by a consultant, and amendment.</summary>
public sealed partial class Exam
{
    /// <summary>
    /// A preliminary report was issued by the holder; the claim stays until the final one. A verbal report counts from
    /// when the referrer was told (<paramref name="toldAt"/>, not later than now), which a fast lane's clock needs.
    /// </summary>
    public Outcome RecordPreliminary(Guid leaseToken, DateTimeOffset now, DateTimeOffset? toldAt = null)
    {
        var holds = HeldBy(leaseToken, now);
        if (!holds.Succeeded)
        {
            return holds;
        }

        var at = toldAt is { } told && told < now ? told : now;
        FirstPreliminaryAt = FirstPreliminaryAt is { } earlier && earlier < at ? earlier : at;
        return Changed(ExamState.Preliminary, now);
    }

    /// <summary>SWIM Reported: the final, verified report was signed.</summary>
    public Outcome Finalise(Guid reporterId, DateTimeOffset now)
    {
        if (State is not (ExamState.Claimed or ExamState.Preliminary))
        {
            return Outcome.Rejected($"Exam {Accession} is {State}; only a claimed exam can be finalised.");
        }

        if (ClaimedById != reporterId)
        {
            return Outcome.Rejected($"You do not hold exam {Accession}.");
        }

        ClearClaim();
        Reported(now);
        return Changed(ExamState.Final, now);
    }

    /// <summary>
    /// A registrar signed their report: it waits for a consultant's verification, and the claim ends (the registrar has
    /// finished; the exam is no longer in anyone's hands until a consultant verifies or returns it).
    /// </summary>
    public Outcome SubmitForVerification(Guid reporterId, DateTimeOffset now)
    {
        if (State is not (ExamState.Claimed or ExamState.Preliminary))
        {
            return Outcome.Rejected($"Exam {Accession} is {State}; only a claimed exam can be submitted for verification.");
        }

        if (ClaimedById != reporterId)
        {
            return Outcome.Rejected($"You do not hold exam {Accession}.");
        }

        ClearClaim();
        return Changed(ExamState.AwaitingVerification, now);
    }

    /// <summary>SWIM Reported: a consultant verified the registrar's report; the turnaround clock stops here.</summary>
    public Outcome Verify(DateTimeOffset now)
    {
        if (State != ExamState.AwaitingVerification)
        {
            return Outcome.Rejected($"Exam {Accession} is not awaiting verification.");
        }

        Reported(now);
        return Changed(ExamState.Final, now);
    }

    /// <summary>The verifying consultant sends the report back: the registrar holds the exam again, with a fresh lease.</summary>
    public Outcome ReturnForRevision(Guid registrarId, Guid leaseToken, TimeSpan lease, DateTimeOffset now)
    {
        if (State != ExamState.AwaitingVerification)
        {
            return Outcome.Rejected($"Exam {Accession} is not awaiting verification.");
        }

        ClaimedById = registrarId;
        ClaimToken = leaseToken;
        ClaimedAt = now;
        LeaseExpiresAt = now + lease;
        return Changed(ExamState.Claimed, now);
    }

    /// <summary>
    /// The originating trust reported the exam in its own system (HL7 ORU^R01 final): it leaves the network's pool,
    /// with any claim here ended. A report already made here is not overwritten.
    /// </summary>
    public Outcome CloseAsReportedElsewhere(DateTimeOffset reportedAt, DateTimeOffset now)
    {
        if (State.IsTerminal())
        {
            return Outcome.Rejected($"Exam {Accession} is already {State}.");
        }

        ClearClaim();
        Reported(reportedAt);
        return Changed(ExamState.Final, now);
    }

    public Outcome Amend(DateTimeOffset now) =>
        State is ExamState.Final or ExamState.Amended
            ? Changed(ExamState.Amended, now)
            : Outcome.Rejected($"Exam {Accession} has no final report to amend.");

    private void Reported(DateTimeOffset at)
    {
        ReportedAt = at;
        TurnaroundMinutes = (int)Math.Max(0, Math.Floor((at - TurnaroundClockStart).TotalMinutes));
    }
}
