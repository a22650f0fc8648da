using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class RotaBrowserTests(BrowserApp app)
{
    /// <summary>The Files tab's promise, kept: the week downloaded and uploaded again changes nothing and says so.</summary>
    /// <summary>*Add to rota* anywhere is an address: it opens the editor filled in for a coordinator, and says why not
    /// otherwise.</summary>
    [Fact]
    public async Task ASuggestedShiftInTheAddressOpensTheEditorFilledInOrSaysWhyItCannot()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(9);
        var address =
            $"/rota?add=shift&day=" +
                $"{day:yyyy-MM-dd}&from=18:00&until=22:00&kind=On-call%201st&capacity=120&why=the%20forecast%27s%20most%20useful%20action";
        var coordinator = await app.SignedInPageAsync("coordinator");
        await coordinator.GotoAsync(address);

        var editor = coordinator.GetByRole(AriaRole.Region, new() { Name = "Add a shift" });
        await Assertions.Expect(editor.GetByTestId("shift-suggestion"))
            .ToContainTextAsync("Suggested: the forecast's most useful action. Choose who");
        await Assertions.Expect(editor.GetByLabel("Date (dd/mm/yyyy)"))
            .ToHaveValueAsync(day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(editor.GetByLabel("Until (HH:mm)")).ToHaveValueAsync("22:00");
        await Assertions.Expect(editor.GetByLabel("Capacity (reading minutes)")).ToHaveValueAsync("120");
        await Assertions.Expect(editor.GetByLabel("Kind")).ToContainTextAsync("On-call 1st");
        await Assertions.Expect(coordinator.GetByText($"Week from {day.AddDays(-(((int)day.DayOfWeek + 6) % 7)):ddd d MMM yyyy}"))
            .ToBeVisibleAsync();

        await coordinator.GotoAsync("/rota?add=shift&day=31/11/2026&from=18:00&until=22:00&capacity=lots");
        await Assertions.Expect(coordinator.GetByTestId("rota-message"))
            .ToContainTextAsync(
            "could not be read: it needs a day (05/12/2026) and from and until times (18:00); a capacity in whole reading minutes");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Region, new() { Name = "Add a shift" })).ToHaveCountAsync(0);

        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync(address);
        await Assertions.Expect(manager.GetByTestId("rota-message"))
            .ToContainTextAsync(
            "Only rota coordinators and administrators add shifts; ask one to add this one (the forecast's most useful action)");
    }

    [Fact]
    public async Task AWeeksExportImportsBackUnchanged()
    {
        var coordinator = await app.SignedInPageAsync("coordinator");
        await coordinator.GotoAsync("/rota");
        await coordinator.GetByRole(AriaRole.Tab, new() { Name = "Files" }).ClickAsync();

        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByText("Download this week as CSV").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"rota-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(path);
        try
        {
            var rows = (await File.ReadAllLinesAsync(path)).Length - 2;
            Assert.True(rows > 10, "the demo week has shifts every day");
            await coordinator.Locator("#rota-csv").SetInputFilesAsync(path);

            await Assertions.Expect(coordinator.GetByRole(AriaRole.Status))
                .ToContainTextAsync($"0 added, 0 changed, {rows} unchanged, 0 removed");
            await BrowserApp.SaveScreenshotAsync(coordinator, "rota-import-back");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// A trust joins the network with two plain-film exams waiting and nobody on duty for it; the registrar holds a
    /// credential there but has no shift. The coordinator adds an out-of-hours shift for them: the gap closes on the cover
    /// page and the exams appear on the registrar's open worklist, both without a reload.
    /// </summary>
    [Fact]
    public async Task ACoordinatorsOutOfHoursShiftClosesTheGapAndTheReporterSeesTheWorkAtOnce()
    {
        var (trustId, examIds) = await ANewTrustWithWorkAsync();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var hour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

        var registrar = await app.SignedInPageAsync("registrar");
        await Assertions.Expect(registrar.Locator("tr[data-exam]").First.Or(registrar.GetByText("Nothing you may take right now")))
            .ToBeVisibleAsync();
        foreach (var exam in examIds)
        {
            await Assertions.Expect(registrar.Locator($"tr[data-exam='{exam}']")).ToHaveCountAsync(0);
        }

        var coordinator = await app.SignedInPageAsync("coordinator");
        await coordinator.GotoAsync("/rota");
        await coordinator.GetByRole(AriaRole.Tab, new() { Name = "Cover and demand" }).ClickAsync();
        await coordinator.GetByLabel("Trust", new() { Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Option, new() { Name = "Test Dales NHS Trust" }).ClickAsync();
        var gap = coordinator.Locator($"[data-gap='General|{trustId}|{hour.ToUnixTimeSeconds()}']");
        await Assertions.Expect(gap).ToContainTextAsync("No General cover for Test Dales NHS Trust");

        // The gap offers a shift to fill it: the editor opens with its day, hours and trust, saying why.
        await coordinator.Locator("tr", new() { Has = gap })
            .GetByRole(AriaRole.Link,
            new() { NameRegex = new System.Text.RegularExpressions.Regex("^Add shift for General cover at Test Dales") }).ClickAsync();
        var editor = coordinator.GetByRole(AriaRole.Region, new() { Name = "Add a shift" });
        await Assertions.Expect(editor.GetByTestId("shift-suggestion"))
            .ToContainTextAsync("Suggested: no General cover for Test Dales NHS Trust");
        var local = TimeZoneInfo.ConvertTime(hour, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        await Assertions.Expect(editor.GetByLabel("Date (dd/mm/yyyy)"))
            .ToHaveValueAsync(local.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(editor.GetByLabel("From (HH:mm)"))
            .ToHaveValueAsync(local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(editor.GetByLabel("Named trusts")).ToBeCheckedAsync();
        var name = await RegistrarNameAsync();
        await editor.GetByLabel("Reporter or provider").FillAsync(name[..6]);
        await coordinator.GetByText(name, new() { Exact = true }).First.ClickAsync();
        await editor.GetByLabel("Kind").ClickAsync();
        await coordinator.GetByRole(AriaRole.Option, new() { Name = "Out-of-hours hot reporting" }).ClickAsync();
        await editor.GetByLabel("Until (HH:mm)")
            .FillAsync(local.AddHours(6).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await editor.GetByLabel("Capacity (reading minutes)").FillAsync("300");
        await BrowserApp.SaveScreenshotAsync(coordinator, "rota-add-shift");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add shift" }).ClickAsync();

        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Shift added for" })).ToBeVisibleAsync();
        await Assertions.Expect(gap).ToHaveCountAsync(0);
        await Assertions.Expect(coordinator.Locator($"[data-gap='General|{trustId}|{hour.AddHours(6).ToUnixTimeSeconds()}']"))
            .ToHaveCountAsync(1);
        await BrowserApp.SaveScreenshotAsync(coordinator, "rota-cover");
        foreach (var exam in examIds)
        {
            await Assertions.Expect(registrar.Locator($"tr[data-exam='{exam}']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        }

        await coordinator.GetByRole(AriaRole.Tab, new() { Name = "By reporter" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("table.iw-rota")).ToContainTextAsync(await RegistrarNameAsync());
        await BrowserApp.SaveScreenshotAsync(coordinator, "rota-week");
    }

    /// <summary>Adds the trust, a site, two ready exams and the registrar's credential there, clearing the registrar's current
    /// shifts.</summary>
    private async Task<(Guid TrustId, Guid[] ExamIds)> ANewTrustWithWorkAsync()
    {
        var services = app.Services;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var registrar = await DemoPeople.ReporterOfAsync(services, "registrar");
        var policy = new Domain.Turnaround.TurnaroundPolicy(Domain.Turnaround.TurnaroundPolicy.DefaultRules());
        await using var db = await services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var network = await db.Networks.Select(n => n.Id).FirstAsync();
        var trust = new Trust(Guid.NewGuid(), network, OdsCode.FromTrusted("RZ9"), "Test Dales NHS Trust");
        var site =
            new Site(Guid.NewGuid(), trust.Id, OdsCode.FromTrusted("RZ901"), "Test Dales Hospital",
            "https://pacs.example/?study={StudyInstanceUid}&accession={Accession}");
        db.AddRange(trust, site);
        db.Credentials.Add(new Credential(Guid.NewGuid(), registrar, trust.Id, now.AddYears(-1), null));
        db.RotaShifts.RemoveRange(
            db.RotaShifts.Where(s => s.ReporterId == registrar && s.End > now.AddHours(-1) && s.Start < now.AddHours(8)));
        var exams = Enumerable.Range(1, 2).Select(i =>
        {
            var order = new ExamOrder(Guid.NewGuid(), trust.Id, site.Id, AccessionNumber.FromTrusted($"RZ9TEST{i}"), null,
                new Patient("9434765919", $"RZ9M{i}", "Dales", "Test", new DateOnly(1970, 1, 1), Sex.Male), Modality.DX, "CHEST", "XCHES",
                    "XR Chest",
                Skill.General, 2, Pathway.Outpatient, PatientClass.Outpatient, ClinicalPriority.Routine, "Cough", now.AddHours(-3),
                    now.AddHours(-2));
            var exam = Exam.Order(order, policy, now.AddHours(-2));
            exam.MarkReady(now.AddHours(-2), now.AddHours(-1), policy);
            return exam;
        }).ToList();
        db.Exams.AddRange(exams);
        await db.SaveChangesAsync();

        var notifier = services.GetRequiredService<IWorklistNotifier>();
        await notifier.PublishAsync(new WorklistChange(WorklistChangeKind.ReporterChanged, null, 0, registrar));
        foreach (var exam in exams)
        {
            await notifier.PublishAsync(new WorklistChange(WorklistChangeKind.ExamAdded, exam.Id, exam.Version));
        }

        Assert.DoesNotContain(services.GetRequiredService<WorklistEngineHost>().RankedFor(registrar), r => r.Exam.TrustId == trust.Id);
        return (trust.Id, [.. exams.Select(e => e.Id)]);
    }

    private async Task<string> RegistrarNameAsync()
    {
        var registrar = await DemoPeople.ReporterOfAsync(app.Services, "registrar");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        return await db.Reporters.Where(r => r.Id == registrar).Select(r => r.DisplayName).SingleAsync();
    }
}
