using Bunit;
using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.Components.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.Tests.Pages;

public sealed class DashboardPageTests : MudComponentTest
{
    private TestDatabase _database = null!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var fixture = new NetworkFixture();
        var now = Clock.GetUtcNow();
        await using var db = _database.CreateDbContext();
        db.AddRange([
            .. fixture.Organisations,
            fixture.ReadyExam(fixture.SiteA, now, TimeSpan.FromHours(3), Pathway.Emergency, Modality.CT, ClinicalPriority.Stat),
            fixture.ReadyExam(fixture.SiteA, now, TimeSpan.FromDays(1), modality: Modality.MR),
            fixture.ReadyExam(fixture.SiteB, now, TimeSpan.FromDays(1), modality: Modality.MR),
        ]);
        await db.SaveChangesAsync();
        Services.AddSingleton<IDbContextFactory<WorklistDbContext>>(_database);
        Services.AddSingleton<BacklogQuery>();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void TheDashboardShowsTheBacklogPerTrustAndModality()
    {
        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Contains("Alpha Trust", page.Markup, StringComparison.Ordinal));
        var headline = page.FindAll("p.mud-typography-h5").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(["3", "1", "0"], headline);
        var alphaRow = page.FindAll("tr").Single(r => r.TextContent.Contains("Alpha Trust", StringComparison.Ordinal));
        Assert.Equal(["Alpha Trust", "2", "0", "0", "1", "0", "0", "–"], alphaRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var mrRow = page.FindAll("tr").Single(r => r.QuerySelector("td")?.TextContent == "MR");
        Assert.Equal(["MR", "2", "0"], mrRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public void AManagerLimitedToOneTrustSeesOnlyThatTrustsBacklog()
    {
        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager).SetClaims(new System.Security.Claims.Claim("TrustScope", "RTB"));

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Contains("Beta Trust", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Alpha Trust", page.Markup, StringComparison.Ordinal);
        Assert.Equal(["1", "0", "0"], page.FindAll("p.mud-typography-h5").Select(p => p.TextContent.Trim()));
    }
}
