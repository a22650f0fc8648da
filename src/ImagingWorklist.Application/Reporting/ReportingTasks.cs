using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Reporting;

/// <summary>
/// The reporter's work beside the worklist: registrars' reports waiting for a consultant's verification and questions
/// put to them (by name or by skill), ranked by the engine's own rule (urgency class, then due time).
/// </summary>
public sealed class ReportingTasks(IDbContextFactory<WorklistDbContext> contexts, WorklistEngineHost engine, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportingTask>> ForAsync(Guid reporterId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
        if (reporter is null)
        {
            return [];
        }

        var trusts = (await AccessScope.ForReporter(reporterId).TrustIdsAsync(db, now, cancellationToken))!;
        var tasks = new List<ReportingTask>();
        if (reporter.Role == ProfessionalRole.ConsultantRadiologist)
        {
            var skills = reporter.Skills.Select(s => s.Skill).ToList();
            var waiting = await (
                from e in db.Exams.AsNoTracking()
                join r in db.Reports.AsNoTracking() on e.Id equals r.ExamId
                join s in db.Sites.AsNoTracking() on e.SiteId equals s.Id
                join a in db.Reporters.AsNoTracking() on r.SubmittedById equals a.Id
                where e.State == ExamState.AwaitingVerification && r.Status == ReportStatus.AwaitingVerification
                    && trusts.Contains(e.TrustId) && skills.Contains(e.RequiredSkill) && r.SubmittedById != reporterId
                select new { Exam = e, SiteName = s.Name, Author = a.DisplayName, r.SubmittedAt })
                .ToListAsync(cancellationToken);
            tasks.AddRange(waiting.Where(w => reporter.MayReport(w.Exam.Modality, w.Exam.BodyPart)).Select(w =>
                Task(ReportingTaskKind.Verification, w.Exam, null, w.SiteName, w.Author, w.SubmittedAt ?? now, null, now)));
        }

        var questions = await (
            from c in db.ConsultRequests.AsNoTracking()
            join e in db.Exams.AsNoTracking() on c.ExamId equals e.Id
            join s in db.Sites.AsNoTracking() on e.SiteId equals s.Id
            join a in db.Reporters.AsNoTracking() on c.RequestedById equals a.Id
            where c.Status == ConsultStatus.Open && c.RequestedById != reporterId && trusts.Contains(c.TrustId)
                && (c.TargetReporterId == reporterId || c.TargetReporterId == null)
            select new { Consult = c, Exam = e, SiteName = s.Name, Author = a.DisplayName })
            .ToListAsync(cancellationToken);
        tasks.AddRange(questions
            .Where(q => q.Consult.TargetReporterId == reporterId || ReportingAccess.IsSpecialistFor(reporter, q.Consult.Skill, q.Exam))
            .Select(q =>
                Task(ReportingTaskKind.Consult, q.Exam, q.Consult.Id, q.SiteName, q.Author, q.Consult.RequestedAt, q.Consult.Question,
                now)));
        return [.. tasks.OrderBy(t => t.Class).ThenBy(t => t.DueAt).ThenBy(t => t.Since)];
    }

    /// <summary>Questions the reporter asked in the last week, newest first.</summary>
    public async Task<IReadOnlyList<AskedConsult>> AskedByAsync(Guid reporterId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().AddDays(-7);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from c in db.ConsultRequests.AsNoTracking()
            join e in db.Exams.AsNoTracking() on c.ExamId equals e.Id
            join t in db.Reporters.AsNoTracking() on c.TargetReporterId equals t.Id into targets
            from t in targets.DefaultIfEmpty()
            join a in db.Reporters.AsNoTracking() on c.AnsweredById equals a.Id into answerers
            from a in answerers.DefaultIfEmpty()
            where c.RequestedById == reporterId && c.RequestedAt >= since
            orderby c.RequestedAt descending
            select new { c, e.ProcedureDescription, Target = t == null ? null : t.DisplayName, Answerer = a == null ? null
                : a.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
            new AskedConsult(r.c.Id, r.c.ExamId, r.ProcedureDescription, r.Target ?? $"any {r.c.Skill} consultant", r.c.Question,
            r.c.Status, r.c.Answer, r.Answerer, r.c.AnsweredAt))];
    }

    private ReportingTask Task(ReportingTaskKind kind, Exam exam, Guid? consultId, string siteName, string from, DateTimeOffset since,
        string? question, DateTimeOffset now) =>
        new(kind, exam.Id, consultId, exam.ProcedureDescription, siteName, exam.Priority, exam.Pathway, exam.DueAt,
            Prioritiser.ClassOf(EngineExam.Snapshot(exam), now, engine.Policy), from, since, question);
}
