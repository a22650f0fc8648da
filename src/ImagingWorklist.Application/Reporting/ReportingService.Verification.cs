using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Reporting;

/// <summary>A consultant verifies a registrar's report, or returns it with a comment.</summary>
public sealed partial class ReportingService
{
    /// <summary>
    /// A consultant verifies a registrar's report, optionally editing it first (the submitted text is kept, so the edit
    /// is tracked). This is the moment the turnaround clock stops.
    /// </summary>
    public Task<Outcome> VerifyAsync(Guid examId, Guid consultantId, string? editedText, Patient confirmedPatient, Actor actor,
        CancellationToken cancellationToken = default) =>
        OnWorkingReportAsync(examId, confirmedPatient, actor, WorklistChangeKind.ExamReported, cancellationToken,
            async (db, exam, report, now) =>
        {
            var access = await ReportingAccess.ForAsync(db, exam, consultantId, now, cancellationToken);
            if (!access.MayVerify)
            {
                return Outcome.Rejected(VerifierRefusal(exam, report, consultantId));
            }

            if (editedText is not null && editedText != report.Text)
            {
                var edited = report.EditInVerification(editedText, consultantId, now);
                if (!edited.Succeeded)
                {
                    return edited;
                }
            }

            var verified = Both(report.Verify(consultantId, now), () => exam.Verify(now));
            if (verified.Succeeded)
            {
                var detail = report.EditedInVerification ? "Verified with changes to the registrar's text" : "Verified as submitted";
                Audit(db, exam, AuditAction.ReportVerified, actor, now, detail);
                Audit(db, exam, AuditAction.Reported, actor, now);
                await EnqueueAsync(db, exam, report, DeliveryKind.Final, now, cancellationToken);
            }

            return verified;
        });

    /// <summary>The consultant returns the report to the registrar with a comment; the registrar holds the exam again.</summary>
    public async Task<Outcome> ReturnAsync(Guid examId, Guid consultantId, string comment, Actor actor,
        CancellationToken cancellationToken = default)
    {
        Guid? registrar = null;
        var outcome =
            await OnWorkingReportAsync(examId, null, actor, WorklistChangeKind.ExamClaimed, cancellationToken,
            async (db, exam, report, now) =>
        {
            var access = await ReportingAccess.ForAsync(db, exam, consultantId, now, cancellationToken);
            if (!access.MayVerify)
            {
                return Outcome.Rejected(VerifierRefusal(exam, report, consultantId));
            }

            registrar = report.SubmittedById;
            var returned =
                Both(report.Return(comment, now), () => exam.ReturnForRevision(registrar!.Value, Guid.NewGuid(), settings.Lease, now));
            if (returned.Succeeded)
            {
                Audit(db, exam, AuditAction.ReportReturned, actor, now, reason: comment);
            }

            return returned;
        });
        if (outcome.Succeeded)
        {
            await announce.ReportingAsync(examId, registrar, cancellationToken: cancellationToken);
        }

        return outcome;
    }

    private static string VerifierRefusal(Exam exam, Report report, Guid consultantId) =>
        report.SubmittedById == consultantId
            ? "A report cannot be verified by the person who submitted it."
            : exam.State != ExamState.AwaitingVerification
                ? $"Exam {exam.Accession} is not awaiting verification."
                : "Only a consultant with the exam's skill and a valid credential for its trust may verify this report.";
}
