using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Admin;

/// <summary>The network's organisations and reporters with their credentials, as administrators review them.</summary>
public sealed class NetworkDirectoryQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    public async Task<NetworkDirectory> LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var network = await db.Networks.AsNoTracking().Select(n => n.Name).FirstOrDefaultAsync(cancellationToken)
            ?? "No network configured";
        var trusts = await db.Trusts.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var reporters = await db.Reporters.AsNoTracking().OrderBy(r => r.DisplayName).ToListAsync(cancellationToken);
        var credentials = (await db.Credentials.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.ReporterId);
        var odsById = trusts.ToDictionary(t => t.Id, t => t.OdsCode.Value);

        CredentialStatus StatusOf(Credential c) =>
            now < c.ValidFrom ? CredentialStatus.NotYetValid
            : !c.IsValidAt(now) ? CredentialStatus.Expired
            : c.ExpiresWithin(ExpiryWarning, now) ? CredentialStatus.ExpiringSoon
            : CredentialStatus.Valid;

        return new NetworkDirectory(
            network,
            [.. trusts.Select(t =>
                new TrustRow(t.Id, t.OdsCode.Value, t.Name,
                [.. sites.Where(s => s.TrustId == t.Id).Select(s => new SiteRow(s.OdsCode.Value, s.Name))]))],
            [.. reporters.Select(r => new ReporterRow(
                r.Id,
                r.DisplayName,
                r.Role,
                r.RegistrationNumber,
                string.Join(", ", r.Skills.OrderByDescending(s => s.Level).Select(s => $"{s.Skill} (level {s.Level})")),
                r.ScopeOfPractice.Count == 0 ? "Unrestricted" : string.Join(", ", r.ScopeOfPractice),
                [.. credentials[r.Id].OrderBy(c => odsById.GetValueOrDefault(c.TrustId))
                    .Select(c =>
                    new CredentialRow(c.Id, c.TrustId, odsById.GetValueOrDefault(c.TrustId, "?"), c.ValidFrom, c.ValidTo,
                    StatusOf(c)))]))]);
    }
}
