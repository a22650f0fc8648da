using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Reporting;

/// <summary>Specialist opinion across the network: ask a named colleague or a skill pool, answer, withdraw.</summary>
public sealed class Consults(IDbContextFactory<WorklistDbContext> contexts, ChangeAnnouncer announce, TimeProvider clock)
{
    /// <summary>
    /// Asks for an opinion. Only someone who may open the exam may ask; a named specialist must hold a valid credential
    /// for the exam's trust (or they could not see it), and a pool must have at least one such consultant.
    /// </summary>
    public async Task<Outcome<Guid>> AskAsync(Guid examId, Guid requesterId, Guid? specialistId, Skill skill, string question, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var working = await ReportingAccess.WorkingOnAsync(db, examId, requesterId, "ask for an opinion on it", now, cancellationToken);
        if (!working.Succeeded)
        {
            return Outcome<Guid>.Rejected(working.Reason!);
        }

        var exam = working.Value!;

        var candidates = await SpecialistsAsync(db, exam.TrustId, skill, now, cancellationToken);
        string target;
        if (specialistId is { } named)
        {
            var specialist = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == named, cancellationToken);
            if (specialist is null)
            {
                return Outcome<Guid>.Rejected("There is no such reporter.");
            }

            if (!await ReportingAccess.CredentialedAsync(db, named, exam.TrustId, now, cancellationToken))
            {
                return Outcome<Guid>.Rejected($"{specialist.DisplayName} has no valid credential for this exam's trust, so cannot see it.");
            }

            target = specialist.DisplayName;
        }
        else if (candidates.All(c => c.Id == requesterId))
        {
            return Outcome<Guid>.Rejected(
                $"No other consultant in the network holds {skill} with a credential for this trust; ask a named colleague instead.");
        }
        else
        {
            target = $"any {skill} consultant";
        }

        var asked = ConsultRequest.Ask(Guid.NewGuid(), examId, exam.TrustId, requesterId, specialistId, skill, question, now);
        if (!asked.Succeeded)
        {
            return Outcome<Guid>.Rejected(asked.Reason!);
        }

        db.ConsultRequests.Add(asked.Value!);
        db.Audit(actor, AuditAction.ConsultRequested, now, $"Opinion asked of {target}: {exam.Accession}", examId: exam.Id,
            trustId: exam.TrustId);
        await db.SaveChangesAsync(cancellationToken);
        await announce.ReportingAsync(examId, specialistId, cancellationToken: cancellationToken);
        return Outcome<Guid>.Accepted(asked.Value!.Id);
    }

    /// <summary>Answers; the asker hears at once. The first suitable specialist to answer a pool question closes it.</summary>
    public async Task<Outcome> AnswerAsync(Guid consultId, Guid specialistId, string answer, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var consult = await db.ConsultRequests.SingleOrDefaultAsync(c => c.Id == consultId, cancellationToken);
        if (consult is null)
        {
            return Outcome.Rejected("There is no such request.");
        }

        var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == consult.ExamId, cancellationToken);
        var access = await ReportingAccess.ForAsync(db, exam, specialistId, now, cancellationToken);
        if (!access.ConsultsToAnswer.Contains(consultId) && consult.Status == ConsultStatus.Open)
        {
            return Outcome.Rejected("This question is for a specialist with the skill and a credential for the exam's trust.");
        }

        var answered = consult.Respond(specialistId, answer, now);
        if (!answered.Succeeded)
        {
            return answered;
        }

        db.Audit(actor, AuditAction.ConsultAnswered, now, $"Opinion given: {exam.Accession}", examId: exam.Id, trustId: exam.TrustId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Rejected("Someone answered this question just before you; their answer stands.");
        }

        await announce.ReportingAsync(exam.Id, consult.RequestedById, cancellationToken: cancellationToken);
        return Outcome.Accepted;
    }

    public async Task<Outcome> WithdrawAsync(Guid consultId, Guid requesterId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var consult = await db.ConsultRequests.SingleOrDefaultAsync(c => c.Id == consultId, cancellationToken);
        if (consult is null)
        {
            return Outcome.Rejected("There is no such request.");
        }

        var withdrawn = consult.Withdraw(requesterId);
        if (!withdrawn.Succeeded)
        {
            return withdrawn;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Rejected("The request was answered just now; read the answer on the exam.");
        }

        await announce.ReportingAsync(consult.ExamId, consult.TargetReporterId, cancellationToken: cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>Whom the requester may name: consultants with the skill and a valid credential for the exam's trust, but
    /// themselves.</summary>
    public async Task<IReadOnlyList<SpecialistOption>> CandidatesAsync(Guid examId, Guid requesterId, Skill skill,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trustId = await db.Exams.AsNoTracking().Where(e => e.Id == examId).Select(e => e.TrustId).SingleAsync(cancellationToken);
        var specialists = await SpecialistsAsync(db, trustId, skill, clock.GetUtcNow(), cancellationToken);
        return [.. specialists.Where(r => r.Id != requesterId).OrderBy(r => r.DisplayName, StringComparer.Ordinal)
            .Select(r => new SpecialistOption(r.Id, r.DisplayName))];
    }

    /// <summary>Consultants with the skill and a valid credential for the trust: who a pool question may reach.</summary>
    internal static async Task<IReadOnlyList<Reporter>> SpecialistsAsync(WorklistDbContext db, Guid trustId, Skill skill,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.TrustId == trustId).ToListAsync(cancellationToken);
        var credentialed = credentials.Where(c => c.IsValidAt(now)).Select(c => c.ReporterId).ToHashSet();
        var consultants = await db.Reporters.AsNoTracking().Where(r => r.Role == ProfessionalRole.ConsultantRadiologist)
            .ToListAsync(cancellationToken);
        return [.. consultants.Where(r => credentialed.Contains(r.Id) && r.LevelIn(skill) is not null)];
    }
}
