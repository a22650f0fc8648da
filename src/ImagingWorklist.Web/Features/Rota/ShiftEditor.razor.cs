using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using Microsoft.AspNetCore.Components;

namespace ImagingWorklist.Web.Features.Rota;

public partial class ShiftEditor
{
    private RotaPerson? _person;
    private ShiftKind _kind = ShiftKind.InHoursSession;
    private string? _date;
    private string? _from = "08:00";
    private string? _until = "13:00";
    private bool _network = true;
    private IReadOnlyCollection<Guid> _trusts = [];
    private int _capacity = 240;
    private string? _error;
    private bool _busy;
    private ShiftSuggestion? _filledFrom;

    /// <summary>The shift to change; null to add one.</summary>
    [Parameter]
    public ShiftRow? Shift { get; set; }

    /// <summary>A shift the product proposes, to fill the form with when adding.</summary>
    [Parameter]
    public ShiftSuggestion? Suggestion { get; set; }

    [Parameter]
    public DateOnly Day { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<RotaPerson> People { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<RotaTrust> Trusts { get; set; } = [];

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    /// <summary>Called with what was done and any warnings to show.</summary>
    [Parameter]
    public EventCallback<string> OnSaved { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    private string ShareText =>
        Times() is { } times && (times.End - times.Start).TotalMinutes is > 0 and var minutes
            ? $"{_capacity / minutes:P0} of a {minutes / 60:0.#}-hour shift"
            : "Give the date and times";

    protected override void OnParametersSet()
    {
        if (Shift is { } shift)
        {
            _person = People.FirstOrDefault(p => p.Id == shift.ReporterId);
            _kind = shift.Kind;
            var start = UkCalendar.ToLocal(shift.Start);
            _date = UkCalendar.WriteDate(DateOnly.FromDateTime(start.DateTime));
            _from = start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            _until = UkCalendar.TimeOfDay(shift.End);
            _network = shift.Scope == CoverScope.Network;
            _trusts = shift.Scope == CoverScope.Trusts ? [.. shift.CoveredIds] : [];
            _capacity = shift.CapacityMinutes;
        }
        else if (Suggestion is { } suggested && !ReferenceEquals(suggested, _filledFrom))
        {
            _filledFrom = suggested;
            _person = People.FirstOrDefault(p => p.Id == suggested.ReporterId);
            _kind = suggested.Kind;
            _date = UkCalendar.WriteDate(suggested.Day);
            _from = suggested.From.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            _until = suggested.Until.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            _network = suggested.TrustId is null;
            _trusts = suggested.TrustId is { } trust && Trusts.Any(t => t.Id == trust) ? [trust] : [];
            _capacity = suggested.Capacity;
        }
        else
        {
            _date ??= UkCalendar.WriteDate(Day);
        }
    }


    private (DateTimeOffset Start, DateTimeOffset End)? Times()
    {
        if (UkCalendar.ParseDate(_date, Day) is not { } day
            || UkCalendar.On(day, _from) is not { } start || UkCalendar.On(day, _until) is not { } end)
        {
            return null;
        }

        return (start, end <= start ? UkCalendar.On(day.AddDays(1), _until)!.Value : end);
    }

    private async Task SaveAsync()
    {
        if (_person is null)
        {
            _error = "Choose who the shift is for.";
            return;
        }

        if (Times() is not { } times)
        {
            _error =
                "Give the date as a UK date and the times on the 24-hour clock, for example 05/12/2026 (or 5 Dec 2026), 18:00 and 08:00.";
            return;
        }

        _busy = true;
        var draft =
            new ShiftDraft(Shift?.ShiftId, _person.Id, _kind, times.Start, times.End, _network ? CoverScope.Network : CoverScope.Trusts,
            _network ? [] : [.. _trusts], _capacity);
        var saved = await Rota.SaveShiftAsync(draft, Actor);
        _busy = false;
        if (!saved.Succeeded)
        {
            _error = saved.Reason;
            return;
        }

        var warnings = saved.Value!.Warnings.Count > 0 ? " Note: " + string.Join(" ", saved.Value.Warnings) : string.Empty;
        await OnSaved.InvokeAsync($"{(Shift is null ? "Shift added" : "Shift changed")} for {_person.Name}.{warnings}");
    }

    private async Task DeleteAsync()
    {
        _busy = true;
        var removed = await Rota.DeleteShiftAsync(Shift!.ShiftId, Actor);
        _busy = false;
        if (!removed.Succeeded)
        {
            _error = removed.Reason;
            return;
        }

        await OnSaved.InvokeAsync($"Shift removed for {Shift.Reporter}.");
    }
}
