using Bunit;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Application.Security;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.Features.Rota;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.Tests.Rota;

/// <summary>The rota week grid: a coordinator opens a shift from the calendar and changes it; others only look.</summary>
public sealed class RotaPageTests : MudComponentTest
{
    private Guid _shiftId;

    public override async Task InitializeAsync()
    {
        await UseDatabaseAsync();
        var fixture = new NetworkFixture();
        var (_, rows) = fixture.OnDutyReporter("Dr Grid", Clock.GetUtcNow());
        await using (var db = Database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, .. rows]);
            await db.SaveChangesAsync();
            _shiftId = await db.RotaShifts.Select(s => s.Id).SingleAsync();
        }

        Services.AddSingleton(new Hl7Settings());
        Services.AddSingleton<RotaWeekQuery>();
        Services.AddSingleton<RotaService>();
        Services.AddSingleton<JobPlans>();
        Services.AddSingleton<RotaFiles>();
        Services.AddSingleton<CoverQuery>();
    }


    [Fact]
    public async Task ACoordinatorOpensAShiftFromTheWeekAndChangesItsCapacity()
    {
        Context.AddAuthorization().SetAuthorized("coordinator").SetRoles(WorklistRoles.RotaCoordinator);
        var page = Render<RotaPage>();

        var chip = page.WaitForElement($"[data-shift='{_shiftId}']");
        Assert.Contains("Session 08:00–16:00", chip.TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
        chip.Click();

        page.WaitForAssertion(() => Assert.Contains("Change Dr Grid's shift", page.Markup, StringComparison.Ordinal));
        var capacity = page.Find("input[role=spinbutton]");
        capacity.Change("300");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save changes").Click();

        page.WaitForAssertion(() => Assert.Contains("Shift changed for Dr Grid.", page.Markup, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Equal(300, (await db.RotaShifts.SingleAsync()).CapacityMinutes);
        Assert.Single(await db.AuditEvents.Where(a => a.Action == Domain.Audit.AuditAction.RotaChanged).ToListAsync());
    }

    [Fact]
    public void ACoordinatorIsToldWhyAShiftCannotBeSaved()
    {
        Context.AddAuthorization().SetAuthorized("coordinator").SetRoles(WorklistRoles.RotaCoordinator);
        var page = Render<RotaPage>();
        page.WaitForElement($"[data-shift='{_shiftId}']").Click();
        page.WaitForAssertion(() => Assert.Contains("Change Dr Grid's shift", page.Markup, StringComparison.Ordinal));

        page.Find("input[role=spinbutton]").Change("100000");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save changes").Click();

        page.WaitForAssertion(() => Assert.Contains("more than 100 %", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void TheWeekRunsMondayToSundayWithTodayMarked()
    {
        Context.AddAuthorization().SetAuthorized("coordinator").SetRoles(WorklistRoles.RotaCoordinator);
        var page = Render<RotaPage>();
        page.WaitForElement($"[data-shift='{_shiftId}']");

        var days = page.Find("table.iw-rota thead").QuerySelectorAll("th[scope=col]").Skip(1).Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(7, days.Count);
        Assert.StartsWith("Mon", days[0].Replace("Today, ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("Sun", days[6].Replace("Today, ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var today = Assert.Single(page.Find("table.iw-rota thead").QuerySelectorAll("th[aria-current=date]"));
        var expected = ImagingWorklist.Domain.Common.UkCalendar.ToLocal(Clock.GetUtcNow()).ToString("ddd d MMM");
        Assert.Equal($"Today, {expected}", today.TextContent.Trim());
    }

    [Fact]
    public void OthersSeeTheWeekButCannotOpenShiftsToChangeThem()
    {
        Context.AddAuthorization().SetAuthorized("radiologist").SetRoles(WorklistRoles.Radiologist);
        var page = Render<RotaPage>();

        page.WaitForElement($"[data-shift='{_shiftId}']").Click();

        Assert.DoesNotContain("Change Dr Grid's shift", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Add shift");
    }
}
