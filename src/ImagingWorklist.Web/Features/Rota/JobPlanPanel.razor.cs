using System.Globalization;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Rota;
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
        _validFrom = Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _entries = await Rota.JobPlanAsync();
    }

    private string NameOf(Guid reporterId) => Week.People.FirstOrDefault(p => p.Id == reporterId)?.Name ?? "unknown";


    private async Task AddAsync()
    {
        if (!TimeOnly.TryParse(_from, CultureInfo.InvariantCulture, out var start) || !TimeOnly.TryParse(_until, CultureInfo.InvariantCulture, out var end))
        {
            Say("Give the times as HH:mm.", true);
            return;
        }

        if (!DateOnly.TryParse(_validFrom, CultureInfo.InvariantCulture, out var from) || (!string.IsNullOrWhiteSpace(_validTo) && !DateOnly.TryParse(_validTo, CultureInfo.InvariantCulture, out _)))
        {
            Say("Give the dates as yyyy-mm-dd.", true);
            return;
        }

        DateOnly? to = string.IsNullOrWhiteSpace(_validTo) ? null : DateOnly.Parse(_validTo, CultureInfo.InvariantCulture);
        _busy = true;
        var added = await Rota.AddJobPlanEntryAsync(_person!.Id, _day, start, end, _kind, _trusts.Count == 0 ? CoverScope.Network : CoverScope.Trusts, [.. _trusts], _capacity, from, to, Actor);
        _busy = false;
        Say(added.Succeeded ? $"Added to {_person.Name}'s job plan." : added.Reason!, !added.Succeeded);
        _entries = await Rota.JobPlanAsync();
    }

    private async Task AddExceptionAsync(Guid entryId)
    {
        if (!DateOnly.TryParse(_exceptionDate, CultureInfo.InvariantCulture, out var date))
        {
            Say("Give the date as yyyy-mm-dd.", true);
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
        Say(removed.Succeeded ? "Removed from the job plan (shifts already rolled out stay in the rota)." : removed.Reason!, !removed.Succeeded);
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
