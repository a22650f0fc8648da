using Bunit;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Web.Components.Shared;

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
