using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Security;

/// <summary>
/// Whose patients a caller may see. A reporter sees the trusts they hold a valid credential for (checked at the moment
/// of asking, so an expired credential closes access at once); a manager, coordinator or integration client sees the
/// whole network or the trusts named for them; anyone else sees nothing.
/// </summary>
public sealed record AccessScope
{
    private AccessScope(Guid? reporterId, IReadOnlyCollection<string>? trustOdsCodes)
    {
        ReporterId = reporterId;
        TrustOdsCodes = trustOdsCodes;
    }

    public static AccessScope WholeNetwork { get; } = new(null, null);

    public static AccessScope Nothing { get; } = new(null, []);

    public Guid? ReporterId { get; }

    /// <summary>ODS codes of the trusts in scope; null for the whole network (unless limited by a reporter's credentials).</summary>
    public IReadOnlyCollection<string>? TrustOdsCodes { get; }

    public bool IsWholeNetwork => ReporterId is null && TrustOdsCodes is null;

    public static AccessScope ForReporter(Guid reporterId) => new(reporterId, null);

    public static AccessScope ForTrusts(IEnumerable<string> odsCodes) =>
        new(null, [.. odsCodes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct()]);

    /// <summary>A list of trusts as people and configuration write it ("RZ1, rz2;RZ3"): ODS codes, upper case, once each.</summary>
    public static IReadOnlyList<string> ParseTrustCodes(string? text) =>
        [.. (text ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct()];

    /// <summary>The ids of the trusts in scope, or null when every trust is.</summary>
    public async Task<IReadOnlyList<Guid>?> TrustIdsAsync(WorklistDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (IsWholeNetwork)
        {
            return null;
        }

        if (ReporterId is { } reporter)
        {
            var credentials = await db.Credentials.AsNoTracking().Where(c => c.ReporterId == reporter).ToListAsync(cancellationToken);
            return [.. credentials.Where(c => c.IsValidAt(now)).Select(c => c.TrustId).Distinct()];
        }

        var codes = TrustOdsCodes!.ToList();
        var trusts = await db.Trusts.AsNoTracking().Select(t => new { t.Id, t.OdsCode }).ToListAsync(cancellationToken);
        return [.. trusts.Where(t => codes.Contains(t.OdsCode.Value)).Select(t => t.Id)];
    }

    /// <summary>The exams in scope.</summary>
    public async Task<IQueryable<Exam>> ExamsAsync(WorklistDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var exams = db.Exams.AsNoTracking();
        return await TrustIdsAsync(db, now, cancellationToken) is { } trusts ? exams.Where(e => trusts.Contains(e.TrustId)) : exams;
    }
}
