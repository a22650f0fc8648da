using System.Collections.Concurrent;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Research;

/// <summary>
/// Extracts of approved requests: started by the requester (or a Bulk Data client of that request), built in the
/// background with progress saved as it goes, downloaded file by file (each download audited), deleted when done with.
/// </summary>
public sealed class ResearchExtracts(IDbContextFactory<WorklistDbContext> contexts, ExtractBuilder builder, TimeProvider clock)
{
    /// <summary>A build that has not reported progress for this long was interrupted (its app instance stopped).</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(10);

    private const string NotFound = "There is no such extract among those you may see.";
    private readonly ConcurrentDictionary<Guid, Task> building = new();

    public async Task<Outcome<Guid>> StartAsync(Guid requestId, ResearchCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.DataAccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !caller.MaySee(request.Id, request.RequestedBy))
        {
            return Outcome<Guid>.Rejected("There is no such data access request among those you may see.");
        }

        var may = request.MayRun(now);
        if (!may.Succeeded)
        {
            return Outcome<Guid>.Rejected(may.Reason!);
        }

        await FailSilentAsync(db, now, cancellationToken);
        if (await db.ResearchExtracts.AnyAsync(e => e.RequestId == requestId && e.Status == ExtractStatus.Building, cancellationToken))
        {
            return Outcome<Guid>.Rejected("An extract of this request is already being built; wait for it to finish.");
        }

        var extract = ResearchExtract.Start(Guid.NewGuid(), requestId, caller.Actor.Name, now);
        db.ResearchExtracts.Add(extract);
        await db.SaveChangesAsync(cancellationToken);
        building[extract.Id] = Task.Run(async () =>
        {
            await builder.BuildAsync(extract.Id, CancellationToken.None);
            building.TryRemove(extract.Id, out _);
        }, CancellationToken.None);
        return Outcome<Guid>.Accepted(extract.Id);
    }

    /// <summary>Waits for a build this instance started (tests, and a clean shutdown).</summary>
    public Task WhenBuiltAsync(Guid extractId) => building.TryGetValue(extractId, out var task) ? task : Task.CompletedTask;

    public async Task<ExtractView?> GetAsync(Guid extractId, ResearchCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await FailSilentAsync(db, clock.GetUtcNow(), cancellationToken);
        var found = await FindAsync(db, extractId, caller, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var files = await db.ResearchExtractFiles.AsNoTracking().Where(f => f.ExtractId == extractId)
            .Select(f => new ExtractFileView(f.Name, f.ResourceType, f.ContentType, f.Count, f.Content.Length))
                .ToListAsync(cancellationToken);
        return ExtractView.Of(found.Value.Extract, [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)]);
    }

    /// <summary>One file of a ready extract; its leaving the system is audited.</summary>
    public async Task<Outcome<ExtractFileContent>> FileAsync(Guid extractId, string name, ResearchCaller caller,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, extractId, caller, cancellationToken);
        if (found is not { Extract.Status: ExtractStatus.Ready } ready)
        {
            return Outcome<ExtractFileContent>.Rejected(found is null ? NotFound : "This extract is not ready to download.");
        }

        var may = ready.Request.MayRun(now);
        if (!may.Succeeded)
        {
            return Outcome<ExtractFileContent>.Rejected(may.Reason!);
        }

        var file = await db.ResearchExtractFiles.AsNoTracking().SingleOrDefaultAsync(f => f.ExtractId == extractId && f.Name == name,
            cancellationToken);
        if (file is null)
        {
            return Outcome<ExtractFileContent>.Rejected($"This extract has no file named '{Shown(name)}'.");
        }

        db.Audit(caller.Actor, AuditAction.ResearchExtractDownloaded, now,
            $"{file.Name} ({file.Count} rows) of the extract for '{ready.Request.Title}' ({ready.Request.ApprovalReference}) downloaded");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ExtractFileContent>.Accepted(new ExtractFileContent(file.Name, file.ResourceType, file.ContentType, file.Count,
            file.Content));
    }

    /// <summary>Deletes an extract's files (Bulk Data DELETE, or the requester tidying up); the counts stay for the record.</summary>
    public async Task<Outcome> DeleteAsync(Guid extractId, ResearchCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, extractId, caller, cancellationToken);
        if (found is null)
        {
            return Outcome.Rejected(NotFound);
        }

        if (found.Value.Extract.Status == ExtractStatus.Building)
        {
            return Outcome.Rejected("This extract is still being built; delete it when it has finished.");
        }

        var extract = await db.ResearchExtracts.SingleAsync(e => e.Id == extractId, cancellationToken);
        extract.Delete(now);
        await db.ResearchExtractFiles.Where(f => f.ExtractId == extractId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Accepted;
    }

    private static async Task<(ResearchExtract Extract, DataAccessRequest Request)?> FindAsync(WorklistDbContext db, Guid extractId,
        ResearchCaller caller, CancellationToken cancellationToken)
    {
        var extract = await db.ResearchExtracts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == extractId
            && e.Status != ExtractStatus.Deleted,
            cancellationToken);
        if (extract is null)
        {
            return null;
        }

        var request = await db.DataAccessRequests.AsNoTracking().SingleAsync(r => r.Id == extract.RequestId, cancellationToken);
        return caller.MaySee(request.Id, request.RequestedBy) ? (extract, request) : null;
    }

    private static async Task FailSilentAsync(WorklistDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var silentSince = now - Silence;
        var silent = await db.ResearchExtracts.Where(e => e.Status == ExtractStatus.Building && e.UpdatedAt < silentSince)
            .ToListAsync(cancellationToken);
        foreach (var extract in silent)
        {
            var since = UkCalendar.Format(extract.UpdatedAt);
            extract.Fail($"The build stopped without finishing (no progress since {since}); " +
                "start the extract again.", now);
        }

        if (silent.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string Shown(string name) => name.Length > 80 ? $"{name[..80]}…" : name.Replace("\0", "\\0", StringComparison.Ordinal);
}
