using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Reporting;

public sealed class Verifiers(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    /// <summary>The outlook for one exam, leaving out the registrar who wrote it (they cannot verify their own report).</summary>
    public async Task<VerifierOutlook?> ForExamAsync(Guid examId, Guid? author, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        return exam is null ? null : await OutlookAsync(db, exam, author, cancellationToken);
    }

    /// <summary>Reports awaiting verification at the viewer's trusts with nobody on duty to verify them: the managers' view.</summary>
    public async Task<IReadOnlyList<UnverifiableWait>> WaitingWithNobodyOnDutyAsync(AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exams = await scope.ExamsAsync(db, clock.GetUtcNow(), cancellationToken);
        var waiting = await (
            from e in exams.Where(e => e.State == ExamState.AwaitingVerification)
            join r in db.Reports on e.Id equals r.ExamId
            where r.Status == Domain.Reporting.ReportStatus.AwaitingVerification
            join t in db.Trusts on e.TrustId equals t.Id
            select new { Exam = e, r.SubmittedById, r.SubmittedAt, Trust = t.Name })
            .ToListAsync(cancellationToken);
        // One query per trust and skill, and one for all their shifts, however many reports wait.
        var now = clock.GetUtcNow();
        var specialists = new Dictionary<(Guid, Domain.Reporters.Skill), IReadOnlyList<Domain.Reporters.Reporter>>();
        foreach (var key in waiting.Select(w => (w.Exam.TrustId, w.Exam.RequiredSkill)).Distinct())
        {
            specialists[key] = await Consults.SpecialistsAsync(db, key.TrustId, key.RequiredSkill, now, cancellationToken);
        }

        var shifts = await ShiftsAsync(db, [.. specialists.Values.SelectMany(r => r).Select(r => r.Id).Distinct()], now, cancellationToken);
        var waits = new List<UnverifiableWait>();
        foreach (var wait in waiting.OrderBy(w => w.SubmittedAt))
        {
            var outlook = Outlook(wait.Exam, wait.SubmittedById, specialists[(wait.Exam.TrustId, wait.Exam.RequiredSkill)], shifts, now);
            if (outlook.NobodyOnDuty)
            {
                waits.Add(
                    new UnverifiableWait(wait.Exam.Id, wait.Exam.ProcedureDescription, wait.Trust, wait.SubmittedAt ?? wait.Exam.UpdatedAt,
                    outlook));
            }
        }

        return waits;
    }

    private async Task<VerifierOutlook> OutlookAsync(WorklistDbContext db, Exam exam, Guid? author, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var specialists = await Consults.SpecialistsAsync(db, exam.TrustId, exam.RequiredSkill, now, cancellationToken);
        return Outlook(exam, author, specialists, await ShiftsAsync(db, [.. specialists.Select(r => r.Id)], now, cancellationToken), now);
    }

    private static async Task<List<Domain.Rota.RotaShift>> ShiftsAsync(WorklistDbContext db, List<Guid> reporterIds, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var until = now + VerifierOutlook.Horizon;
        return await db.RotaShifts.AsNoTracking().Where(s => reporterIds.Contains(s.ReporterId) && s.End > now && s.Start < until)
            .ToListAsync(cancellationToken);
    }

    private static VerifierOutlook Outlook(Exam exam, Guid? author, IEnumerable<Domain.Reporters.Reporter> specialists,
        IEnumerable<Domain.Rota.RotaShift> shifts, DateTimeOffset now)
    {
        var consultants = specialists
            .Where(r => r.Id != author && r.MayReport(exam.Modality, exam.BodyPart))
            .ToDictionary(r => r.Id, r => r.DisplayName);
        var covering = shifts.Where(s => consultants.ContainsKey(s.ReporterId) && s.Covers(exam.TrustId, exam.SiteId)).ToList();
        var onDuty = covering.Where(s => s.IsOnDutyAt(now)).Select(s => consultants[s.ReporterId]).Distinct().Order(StringComparer.Ordinal)
            .ToList();
        var next = covering.Where(s => s.Start > now).OrderBy(s => s.Start).FirstOrDefault();
        return new VerifierOutlook(onDuty, next?.Start, next is null ? null : consultants[next.ReporterId]);
    }
}
