using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Research;

/// <summary>
/// Data access requests: drafted, changed, submitted and withdrawn by their requester; approved or refused by a data
/// guardian; every step audited. Nothing is extracted from a request that is not approved.
/// </summary>
public sealed class DataAccessRequests(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    private const string NotFound = "There is no such data access request among those you may see.";

    public async Task<IReadOnlyList<DataAccessView>> ListAsync(ResearchCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DataAccessRequests.AsNoTracking();
        if (caller.OnlyRequest is { } only)
        {
            query = query.Where(r => r.Id == only);
        }
        else if (!caller.Guardian)
        {
            query = query.Where(r => r.RequestedBy == caller.Actor.Name);
        }

        var requests = await query.ToListAsync(cancellationToken);
        return await ViewsAsync(db, requests.OrderByDescending(r => r.CreatedAt).ToList(), cancellationToken);
    }

    public async Task<DataAccessView?> GetAsync(Guid id, ResearchCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.DataAccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null || !caller.MaySee(request.Id, request.RequestedBy) ? null : (await ViewsAsync(db, [request],
            cancellationToken))[0];
    }

    /// <summary>The network's trusts a cohort may name: ODS code and name, by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> TrustChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trusts = await db.Trusts.AsNoTracking().ToListAsync(cancellationToken);
        return [.. trusts.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => (t.OdsCode.Value, t.Name))];
    }

    public async Task<Outcome<Guid>> DraftAsync(DataAccessDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await UnknownTrustsAsync(db, draft.Cohort, cancellationToken) is { } unknown)
        {
            return Outcome<Guid>.Rejected(unknown);
        }

        var drafted = DataAccessRequest.Draft(Guid.NewGuid(), draft, actor.Name, now);
        if (!drafted.Succeeded)
        {
            return Outcome<Guid>.Rejected(drafted.Reason!);
        }

        var request = drafted.Value!;
        db.DataAccessRequests.Add(request);
        db.Audit(actor, AuditAction.DataAccessRequested, now,
            $"Data access request '{request.Title}' ({request.ApprovalReference}) drafted");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Accepted(request.Id);
    }

    public async Task<Outcome> EditAsync(Guid id, DataAccessDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await UnknownTrustsAsync(db, draft.Cohort, cancellationToken) is { } unknown)
        {
            return Outcome.Rejected(unknown);
        }

        return await ChangeAsync(db, id, new ResearchCaller(actor, false), (r, now) => r.Edit(draft, actor.Name, now),
            AuditAction.DataAccessRequested, "changed", cancellationToken);
    }

    public async Task<Outcome> SubmitAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ChangeAsync(db, id, new ResearchCaller(actor, false), (r, now) => r.Submit(actor.Name, now),
            AuditAction.DataAccessRequested, "submitted for a decision", cancellationToken);
    }

    public async Task<Outcome> WithdrawAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ChangeAsync(db, id, new ResearchCaller(actor, false), (r, now) => r.Withdraw(actor.Name, now),
            AuditAction.DataAccessRequested, "withdrawn", cancellationToken);
    }

    /// <summary>
    /// A data guardian's decision; a refusal needs its reason. An approval may link the request with an earlier approved
    /// one (<paramref name="linkWith"/>) so the same patients carry the same pseudonyms in both.
    /// </summary>
    public async Task<Outcome> DecideAsync(Guid id, bool approve, string? reason, ResearchCaller guardian,
        CancellationToken cancellationToken = default, Guid? linkWith = null)
    {
        ArgumentNullException.ThrowIfNull(guardian);
        if (!guardian.Guardian)
        {
            return Outcome.Rejected("Only a data guardian decides a data access request.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        DataAccessRequest? linked = null;
        if (approve && linkWith is { } other)
        {
            linked = await db.DataAccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == other, cancellationToken);
            if (linked is null)
            {
                return Outcome.Rejected("The request to link with does not exist.");
            }
        }

        var done = !approve ? "refused"
            : linked is null ? "approved"
            : $"approved, linked with '{linked.Title}' ({linked.ApprovalReference})";
        return await ChangeAsync(db, id, guardian,
            (r, now) => approve ? r.Approve(guardian.Actor.Name, reason, now, linked) : r.Refuse(guardian.Actor.Name, reason, now),
            AuditAction.DataAccessDecided, done, cancellationToken, reason);
    }

    private async Task<Outcome> ChangeAsync(WorklistDbContext db, Guid id, ResearchCaller caller,
        Func<DataAccessRequest, DateTimeOffset, Outcome> change, AuditAction action, string done, CancellationToken cancellationToken,
        string? reason = null)
    {
        var now = clock.GetUtcNow();
        var request = await db.DataAccessRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !caller.MaySee(request.Id, request.RequestedBy))
        {
            return Outcome.Rejected(NotFound);
        }

        var changed = change(request, now);
        if (!changed.Succeeded)
        {
            return changed;
        }

        db.Audit(caller.Actor, action, now, $"Data access request '{request.Title}' ({request.ApprovalReference}) {done}",
            reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Rejected("Someone else changed this request just now; look at it again.");
        }

        return Outcome.Accepted;
    }

    private static async Task<string?> UnknownTrustsAsync(WorklistDbContext db, ResearchCohort cohort, CancellationToken cancellationToken)
    {
        var known = (await db.Trusts.AsNoTracking().Select(t => t.OdsCode).ToListAsync(cancellationToken)).Select(c => c.Value).ToHashSet();
        var unknown = cohort.TrustCodes.Where(c => !known.Contains(c)).ToList();
        return unknown.Count == 0 ? null : $"{string.Join(", ", unknown.Select(c => $"'{c}'"))} is not a trust of this network.";
    }

    private async Task<IReadOnlyList<DataAccessView>> ViewsAsync(WorklistDbContext db, IReadOnlyList<DataAccessRequest> requests,
        CancellationToken cancellationToken)
    {
        var ids = requests.Select(r => r.Id).ToList();
        var extracts = await db.ResearchExtracts.AsNoTracking().Where(e => ids.Contains(e.RequestId) && e.Status != ExtractStatus.Deleted)
            .ToListAsync(cancellationToken);
        var extractIds = extracts.Select(e => e.Id).ToList();
        var files = (await db.ResearchExtractFiles.AsNoTracking().Where(f => extractIds.Contains(f.ExtractId))
                .Select(f => new { f.ExtractId, View = new ExtractFileView(f.Name, f.ResourceType, f.ContentType, f.Count,
                    f.Content.Length) })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.ExtractId, f => f.View);
        var trusts = (await db.Trusts.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(t => t.OdsCode.Value, t => t.Name);
        var linkIds = requests.Where(r => r.LinkedToId is not null).Select(r => r.LinkedToId!.Value).ToList();
        var linkTitles = await db.DataAccessRequests.AsNoTracking().Where(r => linkIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => $"{r.Title} ({r.ApprovalReference})", cancellationToken);
        var today = UkCalendar.DayOf(clock.GetUtcNow());
        return [.. requests.Select(r => new DataAccessView(r.Id, r.Title, r.Purpose, r.ApprovalReference, r.Cohort,
            [.. r.Cohort.TrustCodes.Select(c => trusts.GetValueOrDefault(c, c))], r.Fields, r.ExpiresOn, r.RequestedBy, r.CreatedAt,
                r.State,
            r.ExpiredOn(today), r.DecidedBy, r.DecidedAt, r.DecisionReason,
            r.LinkedToId is { } link ? linkTitles.GetValueOrDefault(link) : null,
            [.. extracts.Where(e => e.RequestId == r.Id).OrderByDescending(e => e.StartedAt)
                .Select(e => ExtractView.Of(e, [.. files[e.Id].OrderBy(f => f.Name, StringComparer.Ordinal)]))]))];
    }
}
