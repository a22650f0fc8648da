using System.Net;
using System.Text.Json.Nodes;
using ImagingWorklist.Application.Admin;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.DicomWeb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Security;

/// <summary>
/// A reporter whose credential for a trust has ended sees none of that trust's patients, through any surface: the
/// worklist (engine and network list), the exam view, UPS-RS (cookie or workstation token) and the hub.
/// </summary>
public sealed class CredentialScopingTests(CredentialScopingTests.App app) : IClassFixture<CredentialScopingTests.App>
{
    [Fact]
    public async Task EndingACredentialClosesEverySurfaceToThatTrustAtOnce()
    {
        var (reporterId, trustId, exams) = await CredentialedTrustAsync("radiologist");
        var engine = app.Services.GetRequiredService<WorklistEngineHost>();
        var before = engine.RankedFor(reporterId, take: 3000).Select(r => r.Exam.Id).ToHashSet();
        var token = (await Tokens.AuthorizationCodeAsync(app, "radiologist", "openid worklist.read")).AccessToken;

        await EndCredentialAsync(reporterId, trustId);

        // The engine no longer offers the trust's exams.
        var after = engine.RankedFor(reporterId, take: 3000).Select(r => r.Exam.Id).ToList();
        Assert.Contains(before, exams.Contains);
        Assert.DoesNotContain(after, exams.Contains);

        // The whole-network list shows none of them.
        var page = await app.Services.GetRequiredService<OpenExamsQuery>()
            .PageAsync(new WorklistPageRequest(0, OpenExamsQuery.MaxPageSize), AccessScope.ForReporter(reporterId));
        Assert.NotEmpty(page.Rows);
        Assert.DoesNotContain(page.Rows, r => exams.Contains(r.ExamId));

        // The exam view refuses, without saying whether the exam exists.
        var details = await app.Services.GetRequiredService<ExamDetailsQuery>()
            .LoadAsync(exams[0], new Actor("radiologist", reporterId), holderOnly: false, AccessScope.ForReporter(reporterId));
        Assert.False(details.Succeeded);
        Assert.Contains("no such exam", details.Reason, StringComparison.OrdinalIgnoreCase);

        // UPS-RS, signed in or with a workstation token: not found, and absent from searches.
        var browser = await SignIn.AsAsync(app, "radiologist");
        foreach (var client in new[] { browser, Tokens.WithToken(app, token) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dicomweb/workitems/{DicomJson.UidOf(exams[0])}")).StatusCode);
            var search = await client.GetAsync("/dicomweb/workitems?limit=500");
            var uids = search.StatusCode == HttpStatusCode.NoContent ? []
                : JsonNode.Parse(await search.Content.ReadAsStringAsync())!.AsArray().Select(i => i!["00080018"]!["Value"]![0]!.ToString())
                .ToList();
            Assert.DoesNotContain(uids, u => exams.Contains(DicomJson.IdOf(u)!.Value));
        }

        // A manager still sees the trust.
        var manager = await SignIn.AsAsync(app, "manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/dicomweb/workitems/{DicomJson.UidOf(exams[0])}")).StatusCode);

        // Ending it was audited, with the reason.
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.Contains(db.AuditEvents, a => a.Action == Domain.Audit.AuditAction.ConfigurationChanged && a.TrustId == trustId
            && a.Reason == "Contract ended");
    }

    [Fact]
    public async Task AManagerLimitedToSomeTrustsSeesOnlyThose()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var trust = await db.Trusts.OrderBy(t => t.Name).FirstAsync();
        var scope = AccessScope.ForTrusts([trust.OdsCode.Value]);

        var page = await app.Services.GetRequiredService<OpenExamsQuery>()
            .PageAsync(new WorklistPageRequest(0, OpenExamsQuery.MaxPageSize), scope);

        Assert.NotEmpty(page.Rows);
        Assert.All(page.Rows, r => Assert.Equal(trust.Name, r.TrustName));
    }

    [Fact]
    public void HubMessagesCarryIdsAndNoPatientData()
    {
        var fields = typeof(WorklistChange).GetProperties().Select(p => p.Name).Order().ToList();

        Assert.Equal(["ExamId", "Kind", "Origin", "ReporterId", "Version"], fields);
    }

    private async Task<(Guid Reporter, Guid Trust, List<Guid> Exams)> CredentialedTrustAsync(string userName)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var reporter = (await db.Users.SingleAsync(u => u.UserName == userName)).ReporterId!.Value;
        var engine = app.Services.GetRequiredService<WorklistEngineHost>();
        var offered = engine.RankedFor(reporter, take: 3000).Select(r => r.Exam.Id).ToList();
        var byTrust = await db.Exams.Where(e => offered.Contains(e.Id)).GroupBy(e => e.TrustId)
            .Select(g => new { Trust = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
        var exams = await db.Exams.Where(e => e.TrustId == byTrust.Trust && offered.Contains(e.Id)).Select(e => e.Id).ToListAsync();
        return (reporter, byTrust.Trust, exams);
    }

    private async Task EndCredentialAsync(Guid reporterId, Guid trustId)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var credential = (await db.Credentials.Where(c => c.ReporterId == reporterId && c.TrustId == trustId).ToListAsync())
            .Single(c => c.IsValidAt(now));
        var ended = await app.Services.GetRequiredService<CredentialAdministration>()
            .EndAsync(credential.Id, "Contract ended", new Actor("admin"));
        Assert.True(ended.Succeeded, ended.Reason);
    }

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
