using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Demo;

/// <summary>Writes the demo network into an empty database, in one transaction so a failed seed leaves nothing half-written.</summary>
public sealed class DemoNetworkSeeder(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock, ILogger<DemoNetworkSeeder> logger)
{
    public async Task<bool> SeedIfEmptyAsync(DemoNetworkOptions options, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Networks.AnyAsync(cancellationToken))
        {
            return false;
        }

        var demo = new DemoNetworkGenerator(options).Generate(clock.GetUtcNow());
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(demo.Network);
        db.AddRange(demo.Trusts);
        db.AddRange(demo.Sites);
        db.AddRange(demo.Procedures);
        db.AddRange(demo.TurnaroundRules);
        db.AddRange(DemoCatalogue.ReportTemplates());
        db.AddRange(demo.Reporters);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(demo.Credentials);
        db.AddRange(demo.Shifts);
        db.AddRange(demo.Absences);
        db.AddRange(demo.Exams);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(demo.Reports);
        db.AddRange(demo.Findings);
        db.AddRange(demo.FollowUps);
        db.AddRange(demo.AiAlgorithms);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(demo.AiResults);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Seeded the demo network: {Trusts} trusts, {Sites} sites, {Reporters} reporters, {Shifts} shifts, {Exams} exams",
            demo.Trusts.Count,
            demo.Sites.Count,
            demo.Reporters.Count,
            demo.Shifts.Count,
            demo.Exams.Count);
        return true;
    }
}
