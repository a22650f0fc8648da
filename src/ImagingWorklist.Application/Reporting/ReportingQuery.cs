using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Reporting;

/// <summary>
/// Reads an exam's reporting record for the exam view. It carries report text, so callers must first have been allowed
/// to open the exam (<see cref="Exams.ExamDetailsQuery"/> decides that, and audits the view).
/// </summary>
public sealed class ReportingQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public async Task<ExamReporting> LoadAsync(Guid examId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.AsNoTracking().Where(e => e.Id == examId).Select(e => new { e.Modality, e.ProcedureCode })
            .SingleAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => r.ExamId == examId).OrderBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        var consults = await db.ConsultRequests.AsNoTracking().Where(c => c.ExamId == examId).OrderBy(c => c.RequestedAt)
            .ToListAsync(cancellationToken);
        var people = reports.SelectMany(r => new[] { r.AuthorId, r.LastEditedById, r.SignedById, r.SubmittedById, r.VerifiedById })
            .Concat(consults.SelectMany(c => new[] { c.RequestedById, c.TargetReporterId, c.AnsweredById }))
            .OfType<Guid>().Distinct().ToList();
        var names = await db.Reporters.AsNoTracking().Where(r => people.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.DisplayName, cancellationToken);
        string? Name(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : null;
        ReportView View(Report r) => new(
            r.Id, r.Status, r.Text, Name(r.AuthorId) ?? "unknown", r.LastEditedById, Name(r.LastEditedById), r.UpdatedAt, r.SignedAt,
                Name(r.SignedById),
            Name(r.SubmittedById), Name(r.VerifiedById), r.SubmittedText, r.EditedInVerification, r.ReturnComment);

        var working =
            reports.LastOrDefault(r => r.Status is ReportStatus.Draft or ReportStatus.Preliminary or ReportStatus.AwaitingVerification);
        var deliveries = await db.OutboundReports.AsNoTracking().Where(o => o.ExamId == examId).OrderBy(o => o.CreatedAt)
            .Select(o =>
                new DeliveryView(o.Id, o.Kind, o.Status, o.Attempts, o.CreatedAt, o.DeliveredAt, o.NextAttemptAt, o.Endpoint, o.LastError))
            .ToListAsync(cancellationToken);
        var templates = await db.ReportTemplates.AsNoTracking().Where(t => t.Modality == exam.Modality).ToListAsync(cancellationToken);
        return new ExamReporting(
            working is null ? null : View(working),
            [.. reports.Where(r => r.IsSigned).OrderBy(r => r.SignedAt).Select(View)],
            [.. consults.Select(c =>
                new ConsultView(c.Id, Name(c.RequestedById) ?? "unknown", Name(c.TargetReporterId) ?? $"any {c.Skill} consultant",
                c.Question, c.Status, c.RequestedAt, c.Answer, Name(c.AnsweredById), c.AnsweredAt))],
            deliveries,
            ReportTemplate.For(templates, exam.Modality, exam.ProcedureCode));
    }
}
