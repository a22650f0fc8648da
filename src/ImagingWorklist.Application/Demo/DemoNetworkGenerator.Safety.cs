using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Demo;

/// <summary>
/// Alerts and follow-up recommendations on the demo's signed reports, made by each report's author when they signed it,
/// from a random stream of their own (so the exams and the rota are the same with or without them).
/// </summary>
public sealed partial class DemoNetworkGenerator
{
    private static readonly (FindingCategory Category, string Summary, string? Site)[] Alerts =
    [
        (FindingCategory.Critical, "Pneumothorax with mediastinal shift", null),
        (FindingCategory.Urgent, "Segmental pulmonary emboli, haemodynamically stable", null),
        (FindingCategory.Cancer, "Spiculated mass with hilar nodes", "lung"),
        (FindingCategory.Urgent, "Undisplaced scaphoid waist fracture", null),
        (FindingCategory.Cancer, "Irregular mural thickening of the sigmoid colon", "colorectal"),
        (FindingCategory.Critical, "Free intraperitoneal gas", null),
    ];

    private static readonly (int Days, bool Review, string Why)[] Recommendations =
    [
        (14, true, "Incidental 2 cm adrenal nodule: review with the biochemistry results"),
        (28, false, "Repeat after antibiotics to confirm resolution of the consolidation"),
        (42, false, "6 mm solid nodule: interval imaging as the Fleischner guidance advises"),
        (91, false, "Indeterminate lesion: repeat to confirm stability"),
    ];

    private readonly Random _safety = new(options.RandomSeed ^ 0x5AFE);

    private (List<CriticalFinding> Findings, List<FollowUp> FollowUps) GenerateSafety(List<Exam> exams, List<Report> reports,
        DateTimeOffset now)
    {
        var policy = new CriticalFindingPolicy();
        var findings = new List<CriticalFinding>();
        var followUps = new List<FollowUp>();
        var byId = exams.ToDictionary(e => e.Id);
        foreach (var report in reports.Where(r => r.SignedAt is not null).OrderBy(r => r.SignedAt))
        {
            var exam = byId[report.ExamId];
            var signedAt = report.SignedAt!.Value;
            if (_safety.Next(70) == 0)
            {
                findings.Add(Alert(exam, report.AuthorId, signedAt, policy, now));
            }

            if (_safety.Next(45) == 0)
            {
                var (days, review, why) = Recommendations[_safety.Next(Recommendations.Length)];
                var what = review ? FollowUpWhat.ClinicalReview
                    : new FollowUpWhat(exam.ProcedureCode, exam.Modality, exam.BodyPart, exam.ProcedureDescription);
                var (recipient, name) = exam.RegisteredGp is { } gp && (review || _safety.Next(2) == 0)
                    ? (FollowUpRecipient.GeneralPractitioner, gp)
                    : (FollowUpRecipient.Referrer, exam.Referrer ?? "The referring team");
                followUps.Add(
                    FollowUp.Recommend(NextGuid(_safety), exam, what, Domain.Common.UkCalendar.DayOf(signedAt).AddDays(days), why,
                    recipient, name, report.AuthorId, signedAt)
                    .ValueOrThrow());
            }
        }

        return (findings, followUps);
    }

    /// <summary>Raised a few minutes before signing and told at once; acknowledged in time mostly, late now and then, and the newest still
    /// waiting.</summary>
    private CriticalFinding Alert(Exam exam, Guid author, DateTimeOffset signedAt, CriticalFindingPolicy policy, DateTimeOffset now)
    {
        var (category, summary, site) = Alerts[_safety.Next(Alerts.Length)];
        var raisedAt = signedAt.AddMinutes(-_safety.Next(2, 10));
        var method = category == FindingCategory.Critical ? CommunicationMethod.Telephone : CommunicationMethod.SecureMessage;
        var told = new Communication(exam.Referrer ?? "The referring team", method, raisedAt.AddMinutes(_safety.Next(1, 5)));
        var finding =
            CriticalFinding.Raise(NextGuid(_safety), exam.Id, exam.TrustId, category, summary, site, author, null, policy, raisedAt)
            .ValueOrThrow();
        finding.Communicate(told, policy, told.At);
        var window = finding.AcknowledgeBy - raisedAt;
        var answeredAt = raisedAt
            + (window * (_safety.NextDouble() < 0.85 ? 0.1 + (0.8 * _safety.NextDouble()) : 1.2 + _safety.NextDouble()));
        if (answeredAt >= now)
        {
            return finding;
        }

        if (answeredAt > finding.AcknowledgeBy)
        {
            finding.Escalate(finding.AcknowledgeBy);
        }

        finding.Acknowledge(told.To, "Imaging network office", answeredAt, answeredAt);
        return finding;
    }
}
