using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

/// <summary>Reads shared by the rota's use cases (shifts and leave, job plans, files).</summary>
internal static class RotaContexts
{
    /// <summary>What the rota checks need to judge a change to one reporter's rota between two instants.</summary>
    public static async Task<RotaContext?> ContextAsync(WorklistDbContext db, Guid reporterId, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken)
    {
        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
        if (reporter is null)
        {
            return null;
        }

        var (from, to) = (start.AddDays(-2), end.AddDays(2));
        return new RotaContext(
            reporter.DisplayName,
            await db.RotaShifts.AsNoTracking().Where(s => s.ReporterId == reporterId && s.Start < to && s.End > from)
                .ToListAsync(cancellationToken),
            await db.Absences.AsNoTracking().Where(a => a.ReporterId == reporterId && a.Start < to && a.End > from)
                .ToListAsync(cancellationToken),
            await db.Credentials.AsNoTracking().Where(c => c.ReporterId == reporterId).ToListAsync(cancellationToken),
            await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.TrustId, cancellationToken),
            await db.Trusts.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken),
            UkCalendar.Zone);
    }

    /// <summary>Whose shift or leave it was, for the audit trail (which keeps names, not ids).</summary>
    public static Task<string> NameAsync(WorklistDbContext db, Guid reporterId, CancellationToken cancellationToken) =>
        db.Reporters.Where(r => r.Id == reporterId).Select(r => r.DisplayName).SingleAsync(cancellationToken);
}
