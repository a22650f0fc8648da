using ImagingWorklist.Application.Ai;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Reporting;

/// <summary>
/// Writing and signing reports. The report and the exam change in one transaction with the audit row and, for anything
/// that leaves the reporter's hands, the outbox row that will carry it to the trust; the exam's version guards every step,
/// so two consultants verifying at once, or a sign-off racing a reassignment, end with exactly one winner.
/// </summary>
public sealed partial class ReportingService(
    IDbContextFactory<WorklistDbContext> contexts,
    ChangeAnnouncer announce,
    ClaimService claims,
    ClaimSettings settings,
    TimeProvider clock,
    ILogger<ReportingService> logger)
{
    /// <summary>
    /// Saves the holder's draft (auto-save). If the lease lapsed while nobody else took the exam, the claim is taken up
    /// again so the text is not lost; if someone else holds it now, nothing is overwritten and the refusal says who.
    /// </summary>
    public async Task<Outcome<DraftSaved>> SaveDraftAsync(Guid examId, Guid reporterId, string text, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Report.TextMaxLength)
        {
            return Outcome<DraftSaved>.Rejected($"A report may be at most {Report.TextMaxLength} characters; this one has {text.Length}.");
        }

        if (StoredText.UnstorableAt(text) is { } unstorable)
        {
            return Outcome<DraftSaved>.Rejected(StoredText.Refusal("The report", text, unstorable));
        }

        string? notice = null;
        Claim? reclaimed = null;
        var now = clock.GetUtcNow();
        await using (var peek = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var current = await peek.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
            if (current is null)
            {
                return Outcome<DraftSaved>.Rejected("There is no such exam.");
            }

            if (current.State == ExamState.Ready)
            {
                var claim = await claims.ClaimAsync(examId, reporterId, actor, cancellationToken);
                if (!claim.Succeeded)
                {
                    return Outcome<DraftSaved>.Rejected(
                        $"Your claim lapsed and the exam could not be taken up again, so the draft was not saved: {claim.Reason} Your " +
                            $"text is still in this window.");
                }

                reclaimed = claim.Value;
                notice = "Your claim had lapsed; the exam is yours again and your draft is saved.";
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.SingleAsync(e => e.Id == examId, cancellationToken);
        if (exam.ClaimedById != reporterId || exam.State is not (ExamState.Claimed or ExamState.Preliminary))
        {
            var holder = exam.ClaimedById is { } other ? await NameOfAsync(db, other, cancellationToken) : null;
            return Outcome<DraftSaved>.Rejected(holder is null
                ? $"Exam {exam.Accession} is {exam.State}; you no longer hold it, so the draft was not saved. Your text is still in " +
                    $"this window."
                : $"{holder} holds exam {exam.Accession} now, so your text was not saved over theirs. It is still in this window: copy " +
                    $"it before you leave.");
        }

        if (exam.CurrentClaim is { } lapsed && lapsed.IsExpiredAt(now) && exam.State == ExamState.Claimed)
        {
            var renewed = exam.Claim(reporterId, lapsed.LeaseToken, settings.Lease, now);
            if (renewed.Succeeded)
            {
                reclaimed = renewed.Value;
                notice = "Your claim had lapsed; it has been renewed and your draft is saved.";
            }
        }

        var report = await WorkingReportAsync(db, examId, cancellationToken);
        if (report is null)
        {
            report = Report.StartDraft(Guid.NewGuid(), examId, reporterId, text, now);
            db.Reports.Add(report);
            Audit(db, exam, AuditAction.ReportDraftSaved, actor, now, "Draft started");
        }
        else
        {
            var edited = report.Edit(text, reporterId, now);
            if (!edited.Succeeded)
            {
                return Outcome<DraftSaved>.Rejected(edited.Reason!);
            }
        }

        var saved = await SaveAsync(db, exam, cancellationToken);
        return saved.Succeeded ? Outcome<DraftSaved>.Accepted(new DraftSaved(now, notice, reclaimed))
            : Outcome<DraftSaved>.Rejected(saved.Reason!);
    }

    /// <summary>Issues the draft as a preliminary report: visible to the referrer as preliminary, delivered to the trust.</summary>
    public Task<Outcome> IssuePreliminaryAsync(Guid examId, Guid reporterId, Patient confirmedPatient, Actor actor,
        CancellationToken cancellationToken = default) =>
        OnWorkingReportAsync(examId, confirmedPatient, actor, WorklistChangeKind.ExamUpdated, cancellationToken,
            async (db, exam, report, now) =>
        {
            if (exam.ClaimedById != reporterId || exam.ClaimToken is not { } token)
            {
                return Outcome.Rejected($"You do not hold exam {exam.Accession}.");
            }

            var issued = Both(report.IssuePreliminary(now), () => exam.RecordPreliminary(token, now));
            if (issued.Succeeded)
            {
                Audit(db, exam, AuditAction.PreliminaryIssued, actor, now);
                await EnqueueAsync(db, exam, report, DeliveryKind.Preliminary, now, cancellationToken);
            }

            return issued;
        });

    /// <summary>
    /// Signs the holder's report. A consultant's or reporting radiographer's signature makes it final (SWIM Reported);
    /// a registrar's sends it to the verification queue and the turnaround clock runs on.
    /// </summary>
    public async Task<Outcome<SignResult>> SignAsync(Guid examId, Guid reporterId, Patient confirmedPatient, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var result = SignResult.Final;
        var outcome =
            await OnWorkingReportAsync(examId, confirmedPatient, actor, WorklistChangeKind.ExamReported, cancellationToken,
            async (db, exam, report, now) =>
        {
            var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
            if (reporter is null || exam.ClaimedById != reporterId)
            {
                return Outcome.Rejected($"You do not hold exam {exam.Accession}.");
            }

            if (await AiResults.UnjudgedAsync(db, exam.Id, cancellationToken) is { } unjudged)
            {
                return Outcome.Rejected(unjudged);
            }

            if (reporter.NeedsVerification)
            {
                result = SignResult.AwaitingVerification;
                var submitted = Both(report.SubmitForVerification(reporterId, now), () => exam.SubmitForVerification(reporterId, now));
                if (submitted.Succeeded)
                {
                    Audit(db, exam, AuditAction.VerificationRequested, actor, now);
                }

                return submitted;
            }

            var signed = Both(report.Sign(reporterId, now), () => exam.Finalise(reporterId, now));
            if (signed.Succeeded)
            {
                Audit(db, exam, AuditAction.Reported, actor, now);
                await EnqueueAsync(db, exam, report, DeliveryKind.Final, now, cancellationToken);
            }

            return signed;
        });
        return outcome.Succeeded ? Outcome<SignResult>.Accepted(result) : Outcome<SignResult>.Rejected(outcome.Reason!);
    }

    /// <summary>A signed addition to a final report (SWIM ReportCorrected); the original is never changed.</summary>
    public Task<Outcome> AddAddendumAsync(Guid examId, Guid reporterId, string text, Patient confirmedPatient, Actor actor,
        CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(text) ? Task.FromResult(Outcome.Rejected("Write the addendum before signing it."))
            : StoredText.UnstorableAt(text) is { } unstorable
                ? Task.FromResult(Outcome.Rejected(StoredText.Refusal("The addendum", text, unstorable)))
            : OnExamAsync(examId, confirmedPatient, actor, WorklistChangeKind.ExamUpdated, cancellationToken, async (db, exam, now) =>
            {
                var access = await ReportingAccess.ForAsync(db, exam, reporterId, now, cancellationToken);
                if (!access.MayAddAddendum)
                {
                    return Outcome.Rejected(
                        "Only the reporter who signed the report, or a consultant with the skill and a credential for the trust, may add " +
                            "an addendum.");
                }

                var final =
                    await db.Reports.SingleOrDefaultAsync(r => r.ExamId == examId && r.Status == ReportStatus.Final, cancellationToken);
                if (final is null)
                {
                    return Outcome.Rejected($"Exam {exam.Accession} has no final report to add to.");
                }

                var started = final.StartAddendum(Guid.NewGuid(), reporterId, text.Trim(), now);
                if (!started.Succeeded)
                {
                    return Outcome.Rejected(started.Reason!);
                }

                var addendum = started.Value!;
                var signed = Both(addendum.Sign(reporterId, now), () => exam.Amend(now));
                if (signed.Succeeded)
                {
                    db.Reports.Add(addendum);
                    Audit(db, exam, AuditAction.ReportCorrected, actor, now);
                    await EnqueueAsync(db, exam, addendum, DeliveryKind.Addendum, now, cancellationToken);
                }

                return signed;
            });

    /// <summary>The report being written on the exam (draft, preliminary or awaiting verification), if there is one.</summary>
    internal static Task<Report?> WorkingReportAsync(WorklistDbContext db, Guid examId, CancellationToken cancellationToken) =>
        db.Reports
            .Where(r => r.ExamId == examId && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Preliminary
                || r.Status == ReportStatus.AwaitingVerification))
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Both changes or neither: the second runs only if the first succeeded (the context is not saved on refusal).</summary>
    private static Outcome Both(Outcome first, Func<Outcome> second) => first.Succeeded ? second() : first;

    /// <summary>
    /// The wrong-patient guard: the signer confirmed the patient shown on their screen; if the trust changed the exam's
    /// patient since (ADT update or merge), nothing is signed until they have looked again.
    /// </summary>
    private static Outcome? PatientChanged(Exam exam, Patient? confirmed) =>
        confirmed is not null && confirmed != exam.Patient
            ? Outcome.Rejected($"The patient details on exam {exam.Accession} were changed by the trust after you opened it. " +
                "Nothing was signed: reload the exam and check the patient before signing.")
            : null;

    private Task<Outcome> OnWorkingReportAsync(
        Guid examId,
        Patient? confirmedPatient,
        Actor actor,
        WorklistChangeKind change,
        CancellationToken cancellationToken,
        Func<WorklistDbContext, Exam, Report, DateTimeOffset, Task<Outcome>> step) =>
        OnExamAsync(examId, confirmedPatient, actor, change, cancellationToken, async (db, exam, now) =>
            await WorkingReportAsync(db, examId, cancellationToken) is { } report
                ? await step(db, exam, report, now)
                : Outcome.Rejected($"There is no report on exam {exam.Accession} yet: write one first."));

    /// <summary>Loads the exam, checks the confirmed patient, runs the step, saves it all in one go and announces it.</summary>
    private async Task<Outcome> OnExamAsync(
        Guid examId,
        Patient? confirmedPatient,
        Actor actor,
        WorklistChangeKind change,
        CancellationToken cancellationToken,
        Func<WorklistDbContext, Exam, DateTimeOffset, Task<Outcome>> step)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        if (exam is null)
        {
            return Outcome.Rejected("There is no such exam.");
        }

        if (PatientChanged(exam, confirmedPatient) is { } changed)
        {
            return changed;
        }

        var outcome = await step(db, exam, now);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        var saved = await SaveAsync(db, exam, cancellationToken);
        if (saved.Succeeded)
        {
            logger.LogInformation("Reporting step {Change} on exam {ExamId} by {Actor}", change, examId, actor.Name);
            await PublishAsync(exam, change, cancellationToken);
        }

        return saved;
    }

    private static async Task<Outcome> SaveAsync(WorklistDbContext db, Exam exam, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Accepted;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed the exam between our read and our write (a reassignment, another verifier): theirs stands.
            return Outcome.Rejected($"Exam {exam.Accession} changed just now, so nothing was saved; look again and retry.");
        }
    }

    private async Task PublishAsync(Exam exam, WorklistChangeKind change, CancellationToken cancellationToken)
    {
        await announce.ExamAsync(exam, change, cancellationToken);
        await announce.ReportingAsync(exam.Id, version: exam.Version, cancellationToken: cancellationToken);
    }

    private static async Task EnqueueAsync(WorklistDbContext db, Exam exam, Report report, DeliveryKind kind, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var document = await ReportDocument.ForAsync(db, exam, report, kind, cancellationToken);
        document.Enqueue(db, exam.TrustId, now);
    }

    private static void Audit(WorklistDbContext db, Exam exam, AuditAction action, Actor actor, DateTimeOffset now, string? detail = null,
        string? reason = null) =>
        db.Audit(actor, action, now, detail is null ? $"{action} {exam.Accession}" : $"{detail}: {exam.Accession}", examId: exam.Id,
            trustId: exam.TrustId, reason: reason?.Trim());

    private static Task<string?> NameOfAsync(WorklistDbContext db, Guid reporterId, CancellationToken cancellationToken) =>
        db.Reporters.Where(r => r.Id == reporterId).Select(r => (string?)r.DisplayName).SingleOrDefaultAsync(cancellationToken);
}
