using Bunit;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.Tests.Shared;

public class ComponentTests : MudComponentTest
{
    [Theory]
    [InlineData(ClinicalPriority.Stat, "Stat", "mud-chip-color-error")]
    [InlineData(ClinicalPriority.Asap, "ASAP", "mud-chip-color-warning")]
    [InlineData(ClinicalPriority.Routine, "Routine", "mud-chip-color-default")]
    public void APriorityChipNamesThePriorityForSightAndScreenReaders(ClinicalPriority priority, string label, string colourClass)
    {
        var chip = Render<PriorityChip>(p => p.Add(c => c.Priority, priority));

        var element = chip.Find(".mud-chip");
        Assert.Contains(label, element.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Priority {label}", element.GetAttribute("aria-label"));
        Assert.Contains(colourClass, element.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverdueExamIsMarkedOverdue()
    {
        var due = Render<DueIn>(p => p.Add(c => c.DueAt, Clock.GetUtcNow().AddHours(-3)));

        var span = due.Find("span");
        Assert.Equal("overdue by 3 h", span.TextContent);
        Assert.Equal("iw-due iw-overdue", span.ClassName);
    }

    [Fact]
    public void TheDueTimeFollowsTheClockWhenTheComponentRendersAgain()
    {
        var dueAt = Clock.GetUtcNow().AddHours(2);
        var due = Render<DueIn>(p => p.Add(c => c.DueAt, dueAt));
        Assert.Equal("due in 2 h", due.Find("span").TextContent);

        Clock.Advance(TimeSpan.FromMinutes(90));
        due.Render(p => p.Add(c => c.DueAt, dueAt));

        Assert.Equal("due in 30 min", due.Find("span").TextContent);
        Assert.Equal("iw-due iw-due-soon", due.Find("span").ClassName);
    }
}

public class InstanceLinkBannerTests : MudComponentTest
{
    [Fact]
    public void TheBannerAppearsWhileTheLinkBetweenServersIsDownAndGoesWhenItReturns()
    {
        var link = new Application.Realtime.InstanceLink(Clock);
        Services.AddSingleton(link);
        var banner = Render<InstanceLinkBanner>();
        Assert.Empty(banner.FindAll("[data-instance-link]"));

        link.Lost();

        banner.WaitForAssertion(() =>
        {
            var alert = banner.Find("[data-instance-link=down]");
            Assert.Contains("Live updates from colleagues on other servers are paused since", alert.TextContent, StringComparison.Ordinal);
            Assert.Contains("claiming one is refused safely", alert.TextContent, StringComparison.Ordinal);
            Assert.Equal("alert", alert.GetAttribute("role"));
        });

        link.Restored();

        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-instance-link]")));
    }
}
