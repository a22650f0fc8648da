using Bunit;
using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.Features.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.Tests.Dashboards;

public sealed class DashboardPageTests : MudComponentTest
{
    private Guid _examWithFinding;
    private Guid _alpha;

    public override async Task InitializeAsync()
    {
        await UseDatabaseAsync();
        var fixture = new NetworkFixture();
        _alpha = fixture.TrustA.Id;
        var now = Clock.GetUtcNow();
        await using var db = Database.CreateDbContext();
        db.AddRange([
            .. fixture.Organisations,
            fixture.ReadyExam(fixture.SiteA, now, TimeSpan.FromHours(3), Pathway.Emergency, Modality.CT, ClinicalPriority.Stat),
            fixture.ReadyExam(fixture.SiteA, now, TimeSpan.FromDays(1), modality: Modality.MR),
            fixture.ReadyExam(fixture.SiteB, now, TimeSpan.FromDays(1), modality: Modality.MR),
        ]);
        var (reporter, rows) = fixture.OnDutyReporter("Dr Finder", now);
        db.AddRange(rows);
        await db.SaveChangesAsync();
        _examWithFinding = await db.Exams.Select(e => e.Id).FirstAsync();
        db.CriticalFindings.Add(
            CriticalFinding.Raise(Guid.NewGuid(), _examWithFinding, fixture.TrustA.Id, FindingCategory.Critical, "Tension pneumothorax",
            null, reporter.Id,
            new Communication("Dr A Khan, ED registrar", CommunicationMethod.Telephone, now.AddMinutes(-90)), new CriticalFindingPolicy(),
                now.AddMinutes(-90)).ValueOrThrow());
        await db.SaveChangesAsync();
        Services.AddSingleton<BacklogQuery>();
        Services.AddSingleton<BacklogBreakdownQuery>();
        Services.AddSingleton<TurnaroundQuery>();
        Services.AddSingleton(new CriticalFindingPolicy());
        Services.AddSingleton<CriticalFindings>();
        Services.AddSingleton<AlertAcknowledgementQuery>();
        Services.AddSingleton<Application.Claiming.WithdrawnClaimsQuery>();
        Services.AddSingleton<Verifiers>();
        Services.AddSingleton<MonthlyReturnQuery>();
        Services.AddSingleton<ReporterActivityQuery>();
        Services.AddSingleton<WorkloadBalanceQuery>();
        Services.AddSingleton<Application.Simulation.WhatIfService>();
        Services.AddSingleton<Application.Simulation.ForecastService>();
    }

    [Fact]
    public async Task LastMonthsReturnCountsWhatWasStillWaitingOverFourWeeksAndTheForecastRunsOnRequest()
    {
        // Examined 60 days ago and never reported: at the end of last month it had waited over four weeks.
        var fixture = new NetworkFixture();
        await using (var db = Database.CreateDbContext())
        {
            db.Add(fixture.ReadyExam(await db.Sites.SingleAsync(s => s.Name == fixture.SiteA.Name), Clock.GetUtcNow(),
                TimeSpan.FromDays(60), accession: "OLD000001"));
            await db.SaveChangesAsync();
        }

        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager);
        var page = RenderTab("return");

        var network = page.WaitForElement("tr[data-return='NETWORK|All']");
        Assert.Equal(["0", "1"], network.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Where((_, i) => i is 0 or 5));
        Assert.NotNull(page.Find("tr[data-return='NETWORK|Outpatient']"));

        page.FindAll("[role='tab']").Single(b => b.TextContent.Trim() == "Forecast").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Run forecast").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid='forecast-action']")), TimeSpan.FromSeconds(30));
        Assert.Contains("4 open now", page.Markup, StringComparison.Ordinal);
        Assert.Equal(7, page.FindAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Forecast by day")
            .QuerySelectorAll("tbody tr").Length);
    }


    [Fact]
    public void TheDashboardShowsTheBacklogPerTrustAndModality()
    {
        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager);

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Alpha Trust", page.Markup, StringComparison.Ordinal));
        var headline = page.FindAll("p.mud-typography-h5").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(["3", "1", "0"], headline);
        var alphaRow = page.FindAll("tr").Single(r => r.QuerySelector("td")?.TextContent.Trim() == "Alpha Trust");
        Assert.Equal(["Alpha Trust", "2", "0", "0", "1", "0", "0", "–"], alphaRow.QuerySelectorAll("td")
            .Select(td => td.TextContent.Trim()));
        var mrRow = page.FindAll("tr").Single(r => r.QuerySelector("td")?.TextContent == "MR");
        Assert.Equal(["MR", "2", "0"], mrRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task AClaimTakenBackForALapsedCredentialIsListedForManagers()
    {
        await using (var db = Database.CreateDbContext())
        {
            for (var i = 0; i < 4; i++)
            {
                Application.Common.AuditLog.Audit(db, Application.Common.Actor.System, Domain.Audit.AuditAction.ClaimWithdrawn,
                    Clock.GetUtcNow().AddHours(-2 - i),
                    $"ClaimWithdrawn X {Application.Claiming.ClaimService.WithdrawnFrom(Guid.NewGuid())}", examId: _examWithFinding,
                        trustId: _alpha,
                    reason: $"Dr Finder {i} no longer holds a valid credential for Alpha Trust, so the claim was withdrawn and the exam " +
                        $"went back to the worklist.");
            }

            await db.SaveChangesAsync();
        }

        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager);

        var page = Render<DashboardPage>();

        // The newest three, and the rest a click away, so the figures below stay in view.
        var listed = page.WaitForElement("[data-testid='withdrawn-claims']");
        Assert.Contains("Dr Finder 0 no longer holds a valid credential for Alpha Trust", listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Claims withdrawn in the last 7 days (4)", page.Markup, StringComparison.Ordinal);
        Assert.Equal(3, listed.QuerySelectorAll("li").Length);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Show all 4").Click();
        Assert.Equal(4, page.Find("[data-testid='withdrawn-claims']").QuerySelectorAll("li").Length);
    }

    [Fact]
    public void AManagerLimitedToOneTrustSeesOnlyThatTrustsBacklog()
    {
        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager)
            .SetClaims(new System.Security.Claims.Claim("TrustScope", "RTB"));

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Beta Trust", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Alpha Trust", page.Markup, StringComparison.Ordinal);
        Assert.Equal(["1", "0", "0"], page.FindAll("p.mud-typography-h5").Select(p => p.TextContent.Trim()));
    }

    [Fact]
    public void AnOverdueFindingStandsOutUntilTheManagerRecordsItsAcknowledgement()
    {
        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager);

        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.Equal("Findings (1 waiting)", page.FindAll("[role='tab']")[2].TextContent.Trim()));
        page.FindAll("[role='tab']")[2].Click();

        var alert = page.WaitForElement($"[data-finding]");
        Assert.Contains("Tension pneumothorax", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement due by", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-alert-text-error", alert.ClassName, StringComparison.Ordinal);
        Assert.Contains($"/exams/{_examWithFinding}", alert.InnerHtml, StringComparison.Ordinal);

        page.FindAll("button").Single(b => b.TextContent.Contains("Record acknowledgement", StringComparison.Ordinal)).Click();
        page.Find("[data-finding] input").Input("Dr A Khan, ED registrar");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Record").Click();

        page.WaitForAssertion(() => Assert.Contains("None: every alert has been acknowledged.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Findings", page.FindAll("[role='tab']")[2].TextContent.Trim());

        // The acknowledgement table counts it: acknowledged, but after its hour.
        page.WaitForAssertion(() => Assert.Equal(
            ["1", "100%", "0%", "0", "0"],
            page.FindAll("tr[data-acknowledgement='Alpha Trust|Critical'] td")
                .Select(c => c.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).Trim()).Take(5)));
    }

    [Fact]
    public void TheBacklogTableCountsEachBandAndEveryNumberLinksToItsExams()
    {
        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager);

        var page = Render<DashboardPage>();

        var alpha = page.WaitForElement($"tr[data-line='{_alpha}']");
        string Cell(string measure) => alpha.QuerySelector($"td[data-measure='{measure}']")!.TextContent.Trim();
        Assert.Equal(("2", "1", "1", "1", "1"),
            (Cell("Open"), Cell("Under24Hours"), Cell("OneToThreeDays"), Cell("Unassigned"), Cell("Breached")));
        Assert.Equal("0", Cell("OverFourWeeks"));

        // The chart stacks the same age bands, line by line, as the table counts them.
        var chart = page.FindComponent<BacklogTable>().Instance.AgeSeries;
        Assert.Equal(["< 24 h", "1–3 d", "3–7 d", "1–2 w", "2–4 w", "> 4 w"], chart.Select(c => c.Name));
        var alphaIndex = page.FindAll("tr[data-line]").ToList().FindIndex(r => r.GetAttribute("data-line") == _alpha.ToString());
        Assert.Equal([1.0, 1.0, 0, 0, 0, 0], chart.Select(c => c.Data[alphaIndex].Y));
        Assert.NotNull(page.Find("[data-testid='backlog-chart']"));
        var link = alpha.QuerySelector("td[data-measure='Breached'] a")!;
        Assert.Equal($"/dashboard/exams?by=Trust&key={_alpha}&measure=Breached", link.GetAttribute("href"));
        Assert.Null(alpha.QuerySelector("td[data-measure='OverFourWeeks'] a"));
        Assert.Contains("/api/dashboard/backlog.csv?by=Trust", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("turnaround-heading", page.Markup, StringComparison.Ordinal);

        // Each tab has an address, and choosing one puts it there.
        page.FindAll("[role='tab']").Single(b => b.TextContent.Trim() == "Turnaround").Click();
        page.WaitForAssertion(() => Assert.Contains("No exams were reported in this period.", page.Markup, StringComparison.Ordinal));
        Assert.EndsWith("/dashboard?tab=turnaround", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AnAddressNamingATabOpensIt()
    {
        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager);

        var page = RenderTab("activity");

        page.WaitForAssertion(() => Assert.Contains("Reporter activity", page.Find("h2").TextContent, StringComparison.Ordinal));
        Assert.Single(page.FindAll("h1"));
        Assert.Equal("true", page.FindAll("[role='tab']").Single(b => b.TextContent.Trim() == "Activity").GetAttribute("aria-selected"));
    }

    private IRenderedComponent<DashboardPage> RenderTab(string tab)
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/dashboard?tab={tab}");
        return Render<DashboardPage>();
    }

    [Theory]
    [InlineData("by=Trust&measure=Open", 2)]
    [InlineData("by=Trust&measure=Breached", 1)]
    [InlineData("by=Trust&measure=7", 0)]
    [InlineData("by=0&measure=Open", 0)]
    [InlineData("by=Trust&measure=Nonsense", 0)]
    [InlineData("by=Trust&measure=Open&key=", 0)]
    public void ADrillDownShowsTheExamsItNamesOrSaysItNamesNone(string query, int exams)
    {
        Context.AddAuthorization().SetAuthorized("manager").SetRoles(WorklistRoles.Manager);
        var address = query.Contains("key=", StringComparison.Ordinal) ? query : $"{query}&key={_alpha}";
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/dashboard/exams?{address}");

        var page = Render<BacklogExams>();

        if (exams == 0)
        {
            page.WaitForAssertion(() => Assert.Contains("This link does not name a backlog figure", page.Markup, StringComparison.Ordinal));
            Assert.Empty(page.FindAll("tr[data-exam]"));
        }
        else
        {
            page.WaitForAssertion(() => Assert.Equal(exams, page.FindAll("tr[data-exam]").Count));
            Assert.Equal(query.Contains("Breached", StringComparison.Ordinal) ? "Alpha Trust (trust): past their due time"
                : "Alpha Trust (trust): open exams", page.Find("h1").TextContent.Trim());
        }
    }
}
