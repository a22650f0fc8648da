using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Testing;

/// <summary>
/// The demo network's people and work as the tests need them, found from the running app rather than fixed ids, so a
/// test holds whatever the time of day the demo was seeded at. Shared by the integration and browser tests.
/// </summary>
public static class DemoPeople
{
    /// <summary>The open exams this instance's engine holds, claimed or not.</summary>
    public static int OpenInEngine(IServiceProvider services)
    {
        var pool = services.GetRequiredService<WorklistEngineHost>().Summarise()!;
        return pool.UnclaimedByClass.Sum() + pool.Claimed;
    }

    public static async Task<Guid> ReporterOfAsync(IServiceProvider services, string userName)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).ReporterId!.Value;
    }

    /// <summary>An exam both reporters may take now, from near the top of the first one's list (so it is on screen).</summary>
    public static async Task<Guid> SharedExamAsync(IServiceProvider services, string first, string second, int skip = 0)
    {
        var engine = services.GetRequiredService<WorklistEngineHost>();
        var forSecond = engine.RankedFor(await ReporterOfAsync(services, second), take: 3000).Select(r => r.Exam.Id).ToHashSet();
        return engine.RankedFor(await ReporterOfAsync(services, first), take: 3000).Skip(skip).Select(r => r.Exam.Id)
            .First(forSecond.Contains);
    }

    /// <summary>
    /// The reporter claims the first exam from <paramref name="skip"/> down their list that they still can, and (with
    /// <paramref name="text"/>) writes and signs a report on it; returns the exam.
    /// </summary>
    public static async Task<Guid> ClaimAndSignAsync(IServiceProvider services, string userName, string? text, int skip = 0)
    {
        var reporter = await ReporterOfAsync(services, userName);
        var actor = new Actor(userName, reporter);
        var claims = services.GetRequiredService<Application.Claiming.ClaimService>();
        foreach (var ranked in services.GetRequiredService<WorklistEngineHost>().RankedFor(reporter, take: 50).Skip(skip))
        {
            if (!(await claims.ClaimAsync(ranked.Exam.Id, reporter, actor)).Succeeded)
            {
                continue;
            }

            if (text is not null)
            {
                var reports = services.GetRequiredService<Application.Reporting.ReportingService>();
                await using var db = await services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
                var patient = (await db.Exams.AsNoTracking().SingleAsync(e => e.Id == ranked.Exam.Id)).Patient;
                var saved = await reports.SaveDraftAsync(ranked.Exam.Id, reporter, text, actor);
                var signed = await reports.SignAsync(ranked.Exam.Id, reporter, patient, actor);
                if (!saved.Succeeded || !signed.Succeeded)
                {
                    throw new InvalidOperationException($"Could not sign: {saved.Reason ?? signed.Reason}");
                }
            }

            return ranked.Exam.Id;
        }

        throw new InvalidOperationException($"The demo {userName} should be able to claim something.");
    }

    /// <summary>An open exam at a trust the reporter holds no valid credential for.</summary>
    public static async Task<Guid> ExamOutsideCredentialsOfAsync(IServiceProvider services, string userName)
    {
        var trusts = await CredentialedTrustIdsAsync(services, userName);
        await using var db = await services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        return await db.Exams.Where(e => !trusts.Contains(e.TrustId) && e.State == Domain.Exams.ExamState.Ready).Select(e => e.Id)
            .FirstAsync();
    }

    /// <summary>The ODS codes of the trusts the reporter holds a valid credential for now.</summary>
    public static async Task<HashSet<string>> CredentialedTrustsAsync(IServiceProvider services, string userName)
    {
        var trusts = await CredentialedTrustIdsAsync(services, userName);
        await using var db = await services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        return [.. (await db.Trusts.Where(t => trusts.Contains(t.Id)).ToListAsync()).Select(t => t.OdsCode.Value)];
    }

    private static async Task<List<Guid>> CredentialedTrustIdsAsync(IServiceProvider services, string userName)
    {
        var reporter = await ReporterOfAsync(services, userName);
        await using var db = await services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return [.. (await db.Credentials.Where(c => c.ReporterId == reporter).ToListAsync()).Where(c => c.IsValidAt(now))
            .Select(c => c.TrustId).Distinct()];
    }
}
