using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class FindingsAndDeliveryBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AnEscalatedFindingIsOnTheManagersDashboardUntilTheyRecordTheAcknowledgement()
    {
        var examId = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null, skip: 8);
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist");
        var actor = new Actor("radiologist", reporter);
        var findings = app.Services.GetRequiredService<CriticalFindings>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var raised = await findings.RaiseAsync(examId, reporter, FindingCategory.Critical, "Aortic dissection, type A", null,
            new Communication("Dr B Osei, ED consultant", CommunicationMethod.Telephone, now.AddHours(-2)), actor);
        Assert.True(raised.Succeeded, raised.Reason);
        await findings.EscalateOverdueAsync();

        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/dashboard?tab=findings");
        var alert = manager.Locator($"[data-finding='{raised.Value}']");
        await Assertions.Expect(alert).ToContainTextAsync("escalated");
        await Assertions.Expect(alert).ToContainTextAsync("Aortic dissection, type A");
        await BrowserApp.SaveScreenshotAsync(manager, "dashboard-findings");

        await alert.GetByRole(AriaRole.Button, new() { Name = "Record acknowledgement" }).ClickAsync();
        await alert.GetByLabel("Acknowledged by (name and role)").FillAsync("Dr B Osei, ED consultant");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();

        await Assertions.Expect(manager.Locator($"[data-finding='{raised.Value}']")).ToHaveCountAsync(0);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        Assert.Equal("Dr B Osei, ED consultant", (await db.CriticalFindings.SingleAsync(f => f.Id == raised.Value)).AcknowledgedBy);
    }

    /// <summary>
    /// A manager who switched alerts on is alerted by the device when a finding is escalated while the dashboard is open;
    /// the alert says what and where, never who (a lock screen is no place for patient identifiers).
    /// </summary>
    [Fact]
    public async Task AFindingEscalatedWhileTheDashboardIsOpenAlertsTheManagersDeviceWithoutNamingThePatient()
    {
        var manager = await app.SignedInPageAsync("manager");
        await manager.AddInitScriptAsync("""
            window.__alerts = [];
            window.Notification = class {
              constructor(title, options) { window.__alerts.push({ title: title, body: options.body }); }
              static get permission() { return window.__granted ? "granted" : "default"; }
              static requestPermission() { window.__granted = true; return Promise.resolve("granted"); }
            };
            """);
        await manager.GotoAsync("/dashboard?tab=findings");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Alert me to escalated findings" }).ClickAsync();
        await Assertions.Expect(
            manager.GetByRole(AriaRole.Button,
            new() { NameRegex = new System.Text.RegularExpressions.Regex("^Alerts to escalated findings are on") })).ToBeVisibleAsync();

        var examId = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null, skip: 9);
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist");
        var findings = app.Services.GetRequiredService<CriticalFindings>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var raised = await findings.RaiseAsync(examId, reporter, FindingCategory.Critical, "Ruptured abdominal aortic aneurysm", null,
            new Communication("Dr C Lee, surgical registrar", CommunicationMethod.Telephone, now.AddHours(-2)),
                new Actor("radiologist", reporter));
        Assert.True(raised.Succeeded, raised.Reason);
        await findings.EscalateOverdueAsync();

        await Assertions.Expect(manager.Locator($"[data-finding='{raised.Value}']")).ToContainTextAsync("escalated");
        var alerts = await manager.EvaluateAsync<System.Text.Json.JsonElement>("window.__alerts");
        var alert =
            Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("body")
            .GetString()!.StartsWith("Ruptured abdominal aortic aneurysm", StringComparison.Ordinal));
        Assert.Equal("Critical finding not acknowledged", alert.GetProperty("title").GetString());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var exam = await db.Exams.SingleAsync(e => e.Id == examId);
        Assert.DoesNotContain(exam.Patient.FamilyName, alert.GetProperty("body").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(exam.Patient.NhsNumber?.Value ?? exam.Patient.UnverifiedNhsNumber ?? "-", alert.GetProperty("body")
            .GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorSeesWhyASignedReportHasNotReachedItsTrustAndCanRetryIt()
    {
        await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", "No acute abnormality.", skip: 9);

        var admin = await app.SignedInPageAsync("admin");
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Report delivery" }).ClickAsync();
        var row = admin.Locator("tr").Filter(new() { HasText = "No delivery endpoint is configured" }).First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await BrowserApp.SaveScreenshotAsync(admin, "admin-delivery");
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("It will be tried again within a few seconds.")).ToBeVisibleAsync();
    }
}
