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
    /// Records a verbal report by the holder and issues it as the preliminary report, delivered to the trust at once. What
    /// was said heads the report, above anything already drafted; the draft goes on to become the final report. The
    /// exam's first-report time is when the team was told, which is what a fast lane's clock measures.
    /// </summary>
    public Task<Outcome> GiveVerbalReportAsync(Guid examId, Guid reporterId, VerbalReport verbal, Patient confirmedPatient, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verbal);
        return OnExamAsync(examId, confirmedPatient, actor, WorklistChangeKind.ExamUpdated, cancellationToken, async (db, exam, now) =>
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

            var said = $"{verbal.Heading}\n{verbal.Summary.Trim()}";
            var text = report is null || string.IsNullOrWhiteSpace(report.Text) ? said : $"{said}\n\n{report.Text}";
            if (text.Length > Report.TextMaxLength)
            {
                return Outcome.Rejected($"With your draft the report would be {text.Length} characters, over the {Report.TextMaxLength} " +
                    "a report may hold; shorten the draft first.");
            }

            if (report is null)
            {
                report = Report.StartDraft(Guid.NewGuid(), examId, reporterId, text, now);
                db.Reports.Add(report);
            }
            else if (report.Edit(text, reporterId, now) is { Succeeded: false } edited)
            {
                return edited;
            }

            var issued = Both(report.IssuePreliminary(now), () => exam.RecordPreliminary(token, now, verbal.ToldAt));
            if (issued.Succeeded)
            {
                Audit(db, exam, AuditAction.VerbalReportGiven, actor, now, verbal.Heading.TrimEnd('.'));
                await EnqueueAsync(db, exam, report, DeliveryKind.Preliminary, now, cancellationToken);
            }

            return issued;
        });
    }
}
