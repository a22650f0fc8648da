using System.Text.RegularExpressions;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>
/// A radiographer's stroke call arrives from the RIS (an order change with the lane's code): the exam goes to the top of
/// the radiologist's open list without a reload, a banner, a chime and a system notification tell them, and repeat until
/// they claim it from the banner; on the exam page they give a verbal report in a few keystrokes, which goes to the trust
/// at once as the preliminary, then sign the final; the manager sees it counted on the dashboard's fast-lane tab.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FastLaneBrowserTests(BrowserApp app)
{
    /// <summary>Stands in for the browser's notifications (granted) and counts what was shown.</summary>
    private const string RecordNotifications = """
        window.__notifications = [];
        window.Notification = class {
          constructor(title, options) { window.__notifications.push(title); }
          static get permission() { return "granted"; }
          static requestPermission() { return Promise.resolve("granted"); }
          close() {}
        };
        """;

    [Fact]
    public async Task AStrokeCallIsFirstAndAlertedUntilClaimedAndItsVerbalReportGoesAtOnce()
    {
        var radiologist = await app.SignedInPageAsync("radiologist");
        await radiologist.AddInitScriptAsync(RecordNotifications);
        await radiologist.ReloadAsync();
        var rows = radiologist.Locator("tr[data-exam]");
        await Assertions.Expect(rows.Nth(2)).ToBeVisibleAsync();
        await Assertions.Expect(radiologist.GetByTestId("fast-lane-alert")).ToHaveCountAsync(0);
        var examId = Guid.Parse((await rows.Last.GetAttributeAsync("data-exam"))!);
        var (accession, trust, procedure) = await ExamAsync(examId);

        var ack = await app.SendHl7AsRisAsync(
            $"MSH|^~\\&|RIS|{trust}|IW|NET|20261205093000||ORM^O01|E2E-LANE-1|P|2.4\r" +
            $"ORC|XO|P1|F1||CM\r" +
            $"OBR|1|P1|F1|{procedure}^Exam|S||20261205090000|||||||||||{accession}|||||||CM||||||STROKE^Code stroke\r");
        Assert.Contains("MSA|AA|E2E-LANE-1", ack, StringComparison.Ordinal);

        // First on the open list, live, with the lane's chip; the banner, a chime and a notification.
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-exam", examId.ToString(), new() { Timeout = 10_000 });
        await Assertions.Expect(rows.First.Locator("[data-fast-lane-chip]")).ToHaveTextAsync("Stroke fast lane");
        var banner = radiologist.GetByTestId("fast-lane-alert");
        await Assertions.Expect(banner).ToContainTextAsync("A fast-lane exam is waiting for a reporter");
        await Assertions.Expect(banner).ToContainTextAsync("verbal or preliminary report due in");
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist");
        Assert.Equal(UrgencyClass.Hyperacute,
            app.Services.GetRequiredService<WorklistEngineHost>().RankedFor(reporter).Single(r => r.Exam.Id == examId).Class);
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Why?" }).ClickAsync();
        await Assertions.Expect(radiologist.GetByText("stroke fast lane (order code STROKE)", new() { Exact = false }).First)
            .ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(radiologist, "fast-lane-alert");

        // Alerted again while nobody claims it (the browser tests repeat every 3 s).
        await radiologist.WaitForFunctionAsync("() => window.iwNotify.chimes >= 2 && window.__notifications.length >= 2",
            null, new() { Timeout = 20_000 });
        Assert.Contains("Stroke fast lane", (await radiologist.EvaluateAsync<string[]>("window.__notifications"))[0],
            StringComparison.Ordinal);

        await banner.GetByRole(AriaRole.Button, new() { Name = "Claim and open" }).ClickAsync();
        await radiologist.WaitForURLAsync($"**/exams/{examId}");
        var lane = radiologist.GetByRole(AriaRole.Region, new() { Name = "Stroke fast lane" });
        await Assertions.Expect(lane).ToContainTextAsync("Order code STROKE");
        await Assertions.Expect(radiologist.GetByTestId("fast-lane-alert")).ToHaveCountAsync(0);

        // The verbal report: refused without who was told, then given.
        await lane.GetByRole(AriaRole.Button, new() { Name = "Record and send verbal report" }).ClickAsync();
        await Assertions.Expect(lane.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say who was told");
        await lane.GetByLabel("Told (name and role)").FillAsync("Dr A Khan, stroke registrar");
        await lane.GetByLabel("What you said").FillAsync("No haemorrhage. Dense left MCA sign.");
        await lane.GetByRole(AriaRole.Button, new() { Name = "Record and send verbal report" }).ClickAsync();
        await Assertions.Expect(lane.GetByTestId("lane-clock")).ToContainTextAsync(new Regex("First report (within a minute|after 1 min)"));
        await Assertions.Expect(radiologist.Locator("[data-delivery]").First).ToContainTextAsync("Preliminary report");
        await Assertions.Expect(radiologist.GetByLabel("Report text")).ToHaveValueAsync(
            new Regex("^Verbal report given at \\d\\d:\\d\\d to Dr A Khan, stroke registrar\\.\nNo haemorrhage"));
        await BrowserApp.SaveScreenshotAsync(radiologist, "fast-lane-exam");
        await radiologist.SetViewportSizeAsync(390, 844);
        await radiologist.ReloadAsync();
        await Assertions.Expect(lane).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(radiologist, "fast-lane-exam-phone");
        Assert.True(await radiologist.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the exam page with its fast lane scrolls sideways on a phone");
        await radiologist.SetViewportSizeAsync(1400, 900);
        await radiologist.ReloadAsync();

        await radiologist.GetByLabel("Report text").FillAsync(
            "Verbal report given to the stroke team.\n\nFindings: dense left MCA sign. No haemorrhage.");
        await radiologist.GetByRole(AriaRole.Button, new() { Name = "Sign report" }).ClickAsync();
        await radiologist.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Confirm: sign report" }).ClickAsync();
        await Assertions.Expect(radiologist.GetByRole(AriaRole.Region, new() { Name = "Final report" })).ToBeVisibleAsync();

        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/dashboard?tab=fast-lanes");
        var row = manager.Locator("tr[data-fast-lane-row$='|Stroke']").First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("fast-lane-alert")).ToHaveCountAsync(0);
        await BrowserApp.SaveScreenshotAsync(manager, "fast-lane-dashboard");
        await manager.SetViewportSizeAsync(390, 844);
        await manager.ReloadAsync();
        await Assertions.Expect(manager.Locator("tr[data-fast-lane-row$='|Stroke']").First).ToBeAttachedAsync();
        Assert.True(await manager.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the fast-lane tab scrolls sideways on a phone");
    }

    private async Task<(string Accession, string Trust, string Procedure)> ExamAsync(Guid examId)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == examId);
        var trust = await db.Trusts.AsNoTracking().SingleAsync(t => t.Id == exam.TrustId);
        return (exam.Accession.Value, trust.OdsCode.Value, exam.ProcedureCode);
    }
}
