using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Common;

/// <summary>
/// What each user chose and expects to find again on any workstation (worklist filters, the reading-room theme): one
/// value per user and key, kept in the database rather than in one browser.
/// </summary>
public sealed class UserPreferenceStore(IDbContextFactory<WorklistDbContext> contexts)
{
    public async Task<string?> GetAsync(string userId, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserPreferences.AsNoTracking().Where(p => p.UserId == userId && p.Key == key).Select(p => p.Value)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(string userId, string key, string value, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.UserPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Key == key, cancellationToken);
        if (existing is null)
        {
            db.UserPreferences.Add(new UserPreference { UserId = userId, Key = key, Value = value });
        }
        else
        {
            existing.Value = value;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
