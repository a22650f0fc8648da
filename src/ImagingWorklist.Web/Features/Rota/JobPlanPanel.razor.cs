using System.Globalization;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using Microsoft.AspNetCore.Components;

namespace ImagingWorklist.Web.Features.Rota;

public partial class JobPlanPanel
{
    private IReadOnlyList<JobPlanEntry> _entries = [];
    private RotaPerson? _person;
    private DayOfWeek _day = DayOfWeek.Monday;
    private ShiftKind _kind = ShiftKind.InHoursSession;
    private string? _from = "08:00";
    private string? _until = "13:00";
    private int _capacity = 240;
    private IReadOnlyCollection<Guid> _trusts = [];
    private string? _validFrom;
    private string? _validTo;
    private Guid? _exceptionFor;
    private string? _exceptionDate;
    private string? _message;
    private bool _failed;
    private bool _busy;

    [Parameter, EditorRequired]
    public RotaWeek Week { get; set; } = null!;

    [Parameter]
    public DateOnly Monday { get; set; }

    [Parameter]
    public bool MayEdit { get; set; }

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _validFrom = UkCalendar.WriteDate(Monday);
        _entries = await Rota.JobPlanAsync();
    }

    private string NameOf(Guid reporterId) => Week.People.FirstOrDefault(p => p.Id == reporterId)?.Name ?? "unknown";

    private static string Session(JobPlanEntry entry) =>
        $"{Labels.Of(entry.Kind)}, {entry.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture)}–" +
        $"{entry.EndTime.ToString("HH:mm", CultureInfo.InvariantCulture)}, {entry.CapacityMinutes} min";

    private string Covers(JobPlanEntry entry) => entry.Scope == CoverScope.Network
        ? "Whole network"
        : string.Join(", ", entry.CoveredIds.Select(id => Week.Trusts.FirstOrDefault(t => t.Id == id)?.OdsCode ?? "?"));

    private static string Valid(JobPlanEntry entry) =>
        $"{entry.ValidFrom:d MMM yyyy} – {(entry.ValidTo is { } to ? to.ToString("d MMM yyyy") : "open")}";


    private async Task AddAsync()
    {
        if (UkCalendar.ParseTime(_from) is not { } start || UkCalendar.ParseTime(_until) is not { } end)
        {
            Say("Give the times on the 24-hour clock, for example 08:00 and 13:00.", true);
            return;
        }

        var today = UkCalendar.DayOf(Clock.GetUtcNow());
        DateOnly? to = string.IsNullOrWhiteSpace(_validTo) ? null : UkCalendar.ParseDate(_validTo, today);
        if (UkCalendar.ParseDate(_validFrom, today) is not { } from || (!string.IsNullOrWhiteSpace(_validTo) && to is null))
        {
            Say("Give the dates as UK dates, for example 05/12/2026 or 5 Dec 2026.", true);
            return;
        }

        _busy = true;
        var added =
            await Rota.AddJobPlanEntryAsync(_person!.Id, _day, start, end, _kind, _trusts.Count == 0 ? CoverScope.Network
            : CoverScope.Trusts, [.. _trusts], _capacity, from, to, Actor);
        _busy = false;
        Say(added.Succeeded ? $"Added to {_person.Name}'s job plan." : added.Reason!, !added.Succeeded);
        _entries = await Rota.JobPlanAsync();
    }

    private async Task AddExceptionAsync(Guid entryId)
    {
        if (UkCalendar.ParseDate(_exceptionDate, UkCalendar.DayOf(Clock.GetUtcNow())) is not { } date)
        {
            Say("Give the date as a UK date, for example 05/12/2026 or 5 Dec 2026.", true);
            return;
        }

        var added = await Rota.AddJobPlanExceptionAsync(entryId, date, Actor);
        Say(added.Succeeded ? $"The session will not happen on {date:ddd d MMM yyyy}." : added.Reason!, !added.Succeeded);
        _exceptionFor = added.Succeeded ? null : _exceptionFor;
        _entries = await Rota.JobPlanAsync();
    }

    private async Task RemoveAsync(Guid entryId)
    {
        var removed = await Rota.RemoveJobPlanEntryAsync(entryId, Actor);
        Say(removed.Succeeded ? "Removed from the job plan (shifts already rolled out stay in the rota)." : removed.Reason!,
            !removed.Succeeded);
        _entries = await Rota.JobPlanAsync();
    }

    private async Task RollOutAsync()
    {
        _busy = true;
        var report = await Rota.RollOutJobPlansAsync(Monday, Actor);
        _busy = false;
        var left = report.Problems.Count > 0 ? $" Left out: {string.Join(" ", report.Problems.Select(p => p.Message))}" : string.Empty;
        Say($"{report.Imported} shifts added from job plans.{left}", report.Problems.Count > 0);
        await OnChanged.InvokeAsync();
    }

    private void Say(string message, bool failed)
    {
        _message = message;
        _failed = failed;
    }
}
