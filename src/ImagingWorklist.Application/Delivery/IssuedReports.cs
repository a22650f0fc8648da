using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Delivery;

/// <summary>
/// Reports as the referrer may see them (FHIR DiagnosticReport): issued preliminary reports, final reports and addenda,
/// within the caller's trusts. Drafts and reports waiting for verification are never shown outside the worklist.
/// </summary>
public sealed class IssuedReports(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public const int MaxCount = 200;

    public async Task<(IReadOnlyList<ReportDocument> Reports, int Total)> SearchAsync(IssuedReportCriteria criteria, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exams = await scope.ExamsAsync(db, clock.GetUtcNow(), cancellationToken);
        var statuses = (criteria.Kinds.Count == 0 ? Enum.GetValues<DeliveryKind>() : [.. criteria.Kinds]).Select(StatusOf).ToList();
        var reports = db.Reports.AsNoTracking()
            .Where(r => statuses.Contains(r.Status) && (r.Status != ReportStatus.Addendum || r.SignedAt != null))
            .Where(r => exams.Any(e => e.Id == r.ExamId));
        if (criteria.ReportId is { } id)
        {
            reports = reports.Where(r => r.Id == id);
        }

        if (criteria.UpdatedFrom is { } from)
        {
            reports = reports.Where(r => r.UpdatedAt >= from);
        }

        if (criteria.UpdatedBefore is { } before)
        {
            reports = reports.Where(r => r.UpdatedAt < before);
        }

        var total = await reports.CountAsync(cancellationToken);
        var page = await reports.OrderByDescending(r => r.UpdatedAt).Skip(criteria.Offset).Take(Math.Clamp(criteria.Count, 1, MaxCount))
            .ToListAsync(cancellationToken);
        var documents = new List<ReportDocument>(page.Count);
        foreach (var report in page)
        {
            var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == report.ExamId, cancellationToken);
            documents.Add(await ReportDocument.ForAsync(db, exam, report, KindOf(report.Status), cancellationToken));
        }

        return (documents, total);
    }

    private static ReportStatus StatusOf(DeliveryKind kind) => kind switch
    {
        DeliveryKind.Preliminary => ReportStatus.Preliminary,
        DeliveryKind.Addendum => ReportStatus.Addendum,
        _ => ReportStatus.Final,
    };

    private static DeliveryKind KindOf(ReportStatus status) => status switch
    {
        ReportStatus.Preliminary => DeliveryKind.Preliminary,
        ReportStatus.Addendum => DeliveryKind.Addendum,
        _ => DeliveryKind.Final,
    };
}
