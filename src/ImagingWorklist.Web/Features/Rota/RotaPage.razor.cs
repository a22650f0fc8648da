using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Web.Components.Shared;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ImagingWorklist.Web.Features.Rota;

public partial class RotaPage
{
    private RotaWeek? _week;
    private DateOnly _monday;
    private DateOnly _dayView;
    private DateOnly _day;
    private Skill? _skill;
    private bool _mayEdit;
    private bool _mayPlan;
    private bool _editing;
    private ShiftRow? _shift;
    private string? _message;
    private bool _messageIsProblem;
    private ShiftSuggestion? _suggestion;
    private string? _suggestionHandled;
    private Actor _actor = Actor.System;
    private LiveUpdates? _live;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    [SupplyParameterFromQuery(Name = "add")]
    private string? AddWhat { get; set; }

    [SupplyParameterFromQuery(Name = "day")]
    private string? SuggestedDay { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    private string? SuggestedFrom { get; set; }

    [SupplyParameterFromQuery(Name = "until")]
    private string? SuggestedUntil { get; set; }

    [SupplyParameterFromQuery(Name = "kind")]
    private string? SuggestedKind { get; set; }

    [SupplyParameterFromQuery(Name = "trust")]
    private string? SuggestedTrust { get; set; }

    [SupplyParameterFromQuery(Name = "reporter")]
    private string? SuggestedReporter { get; set; }

    [SupplyParameterFromQuery(Name = "capacity")]
    private string? SuggestedCapacity { get; set; }

    [SupplyParameterFromQuery(Name = "why")]
    private string? SuggestedWhy { get; set; }

    private IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(i => _monday.AddDays(i));

    /// <summary>Today in the UK, marked in every week view so a coordinator finds it at a glance.</summary>
    private DateOnly Today => DateOnly.FromDateTime(UkCalendar.ToLocal(Clock.GetUtcNow()).Date);

    private string? TodayClass(DateOnly day) => day == Today ? "iw-today" : null;

    private string DayLabel(DateOnly day) => day == Today ? $"Today, {day:ddd d MMM}" : day.ToString("ddd d MMM");

    private List<RotaPerson> Rows => [.. _week!.People.Where(p =>
        (_week.Shifts.Any(s => s.ReporterId == p.Id) || _week.Absences.Any(a => a.ReporterId == p.Id))
        && (_skill is not { } skill || p.Skills.Any(s => s.Skill == skill)))];

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _actor = user.Actor(ClientAddress);
        _mayEdit = user.InAny(WorklistRoles.RotaEditors);
        _mayPlan = user.Oversees();
        await MoveToAsync(ThisMonday());
        _live = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        }), LiveUpdates.RotaOnly);
    }

    private DateOnly ThisMonday()
    {
        var today = DateOnly.FromDateTime(UkCalendar.ToLocal(Clock.GetUtcNow()).Date);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }

    private Task MoveAsync(int days) => MoveToAsync(_monday.AddDays(days));

    private async Task MoveToAsync(DateOnly monday)
    {
        _monday = monday;
        _dayView = Today >= monday && Today < monday.AddDays(7) ? Today : monday;
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _week = await RotaWeek.WeekFromAsync(UkCalendar.Midnight(_monday));

    /// <summary>An address carrying a suggested shift (<see cref="ShiftSuggestion"/>) opens the editor with it, once per address.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (AddWhat is null || Navigation.Uri == _suggestionHandled)
        {
            return;
        }

        _suggestionHandled = Navigation.Uri;
        var (suggestion, problem) = AddWhat == "shift"
            ? ShiftSuggestion.Read(SuggestedDay, SuggestedFrom, SuggestedUntil, SuggestedKind, SuggestedTrust, SuggestedReporter,
                SuggestedCapacity, SuggestedWhy, Today)
            : (null, $"This address asks the rota to add '{StoredText.Echo(AddWhat)}'; it can add a shift only (add=shift).");
        if (suggestion is not null && !_mayEdit)
        {
            problem =
                $"Only rota coordinators and administrators add shifts; ask one to add this one" +
                    $"{(suggestion.Why.Length > 0 ? $" ({suggestion.Why})" : "")}.";
        }

        if (problem is not null)
        {
            Say(problem, isProblem: true);
            return;
        }

        _suggestion = suggestion;
        if (suggestion!.Day < _monday || suggestion.Day >= _monday.AddDays(7))
        {
            await MoveToAsync(suggestion.Day.AddDays(-(((int)suggestion.Day.DayOfWeek + 6) % 7)));
        }

        _shift = null;
        _day = suggestion.Day;
        _editing = true;
    }

    private void Say(string message, bool isProblem = false)
    {
        _message = message;
        _messageIsProblem = isProblem;
    }

    private void Edit(ShiftRow? shift)
    {
        _suggestion = null;
        _shift = shift;
        _day = _dayView;
        _editing = true;
    }

    private void EditIfAllowed(ShiftRow shift)
    {
        if (_mayEdit)
        {
            Edit(shift);
        }
    }

    private async Task SavedAsync(string message)
    {
        _editing = false;
        Say(message);
        if (_suggestion is not null)
        {
            // Done with the suggestion: the address no longer carries it, so a reload does not offer it again.
            _suggestion = null;
            Navigation.NavigateTo("/rota", replace: true);
        }

        await ReloadAsync();
    }

    private IEnumerable<ShiftRow> ShiftsOn(Guid person, DateOnly day) =>
        _week!.Shifts.Where(s => s.ReporterId == person && DateOnly.FromDateTime(UkCalendar.ToLocal(s.Start).Date) == day);

    private IEnumerable<AbsenceRow> LeaveOn(Guid person, DateOnly day) =>
        _week!.Absences.Where(a => a.ReporterId == person && Touches(a.Start, a.End, day));

    private int OnDutyWith(Skill skill, DateOnly day)
    {
        var holders = _week!.People.Where(p => p.Skills.Any(s => s.Skill == skill)).Select(p => p.Id).ToHashSet();
        return _week.Shifts.Where(s => holders.Contains(s.ReporterId) && Touches(s.Start, s.End, day)).Select(s => s.ReporterId).Distinct()
            .Count();
    }

    private static bool Touches(DateTimeOffset start, DateTimeOffset end, DateOnly day)
    {
        var (from, to) = (UkCalendar.Midnight(day), UkCalendar.Midnight(day.AddDays(1)));
        return start < to && end > from;
    }

    private static (string Left, string Width) Bar(DateTimeOffset start, DateTimeOffset end, DateOnly day)
    {
        var (from, to) = (UkCalendar.Midnight(day), UkCalendar.Midnight(day.AddDays(1)));
        var total = (to - from).TotalMinutes;
        var left = Math.Max(0, (start - from).TotalMinutes) / total * 100;
        var right = Math.Min(total, (end - from).TotalMinutes) / total * 100;
        return (left.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), (right - left)
            .ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Title(ShiftRow shift) => $"{Labels.Of(shift.Kind)}, {shift.Covers}, {shift.CapacityMinutes} reading min";

    private static string Short(ShiftKind kind) => kind switch
    {
        ShiftKind.InHoursSession => "Session",
        ShiftKind.OnCallFirst => "On-call 1",
        ShiftKind.OnCallSecond => "On-call 2",
        ShiftKind.OutOfHoursHotReporting => "OOH hot",
        _ => "Telerad",
    };

    private static Color ColourOf(ShiftKind kind) => kind switch
    {
        ShiftKind.InHoursSession => Color.Primary,
        ShiftKind.Teleradiology => Color.Secondary,
        _ => Color.Warning,
    };

    public void Dispose() => _live?.Dispose();
}
