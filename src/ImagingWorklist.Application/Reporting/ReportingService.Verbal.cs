using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Reporting;

/// <summary>The verbal report: told by voice, recorded in a few keystrokes, issued at once as the preliminary report.</summary>
public sealed partial class ReportingService
{
    /// <summary>
    /// Records a verbal report by the holder and issues it as the preliminary report, delivered to the trust at once: who
    /// was told, when, and what was said, on its own. A draft already written stays as it was and goes on to become the
    /// final report; with no draft, what was said is where the final report starts. The exam's first-report time is when
    /// the team was told, which is what a fast lane's clock measures.
    /// </summary>
    /// <returns>Whether the report now starts from what was said (nothing was drafted), so the report box shows it.</returns>
    public async Task<Outcome<bool>> GiveVerbalReportAsync(Guid examId, Guid reporterId, VerbalReport verbal,
        Patient confirmedPatient, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verbal);
        var started = false;
        var outcome = await OnExamAsync(examId, confirmedPatient, actor, WorklistChangeKind.ExamUpdated, cancellationToken,
            async (db, exam, now) =>
        {
            if (exam.ClaimedById != reporterId || exam.ClaimToken is not { } token)
            {
                return Outcome.Rejected($"You do not hold exam {exam.Accession}; claim it before recording a verbal report.");
            }

            if (verbal.Problem(exam, now) is { } problem)
            {
                return Outcome.Rejected(problem);
            }

            var report = await WorkingReportAsync(db, examId, cancellationToken);
            if (report is { Status: not ReportStatus.Draft })
            {
                return Outcome.Rejected($"Exam {exam.Accession}'s report has already left your hands " +
                    $"({Labels.Of(report.Status).ToLowerInvariant()}); add what you told the team to it and sign the final one.");
            }

            // What was said is sent on its own as the preliminary; the reporter's draft stays theirs, for the final report.
            var said = $"{verbal.Heading}\n{verbal.Summary.Trim()}";
            var draft = string.IsNullOrWhiteSpace(report?.Text) ? null : report!.Text;
            started = draft is null;
            if (report is null)
            {
                report = Report.StartDraft(Guid.NewGuid(), examId, reporterId, said, now);
                db.Reports.Add(report);
            }
            else if (report.Edit(said, reporterId, now) is { Succeeded: false } edited)
            {
                return edited;
            }

            var issued = Both(report.IssuePreliminary(now), () => exam.RecordPreliminary(token, now, verbal.ToldAt));
            if (issued.Succeeded)
            {
                Audit(db, exam, AuditAction.VerbalReportGiven, actor, now, verbal.Heading.TrimEnd('.'));
                await EnqueueAsync(db, exam, report, DeliveryKind.Preliminary, now, cancellationToken);
                if (draft is not null)
                {
                    report.Edit(draft, reporterId, now);
                }
            }

            return issued;
        });
        return outcome.Succeeded ? Outcome<bool>.Accepted(started) : Outcome<bool>.Rejected(outcome.Reason!);
    }
}
