using ImagingWorklist.Application.Rota;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImagingWorklist.Web.Features.Rota;

public partial class CoverPanel
{
    private IReadOnlyList<GapRow>? _gaps;
    private string? _trust;
    private ImagingWorklist.Domain.Reporters.Skill? _skill;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private List<DemandHour> _short = [];
    private LiveUpdates? _live;

    /// <summary>The start of the week shown; cover is worked out from now when the week is the current one.</summary>
    [Parameter]
    public DateTimeOffset From { get; set; }

    /// <summary>Whether the reader may change the rota: then each gap offers a shift to fill it.</summary>
    [Parameter]
    public bool MayEdit { get; set; }

    private static string AddShiftLabel(GapRow gap) =>
        $"Add shift for {Labels.Of(gap.Skill)} cover at {gap.TrustName} from {UkCalendar.Format(gap.Start)}";

    private static ShiftSuggestion Suggest(GapRow gap) =>
        ShiftSuggestion.For(gap.Start, gap.End,
            $"no {Labels.Of(gap.Skill)} cover for {gap.TrustName}, {Span(gap)}; give it to someone with that skill and a credential there",
            gap.TrustId);

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    protected override void OnInitialized() => _live = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    }), LiveUpdates.RotaOnly);

    private async Task LoadAsync()
    {
        var now = Clock.GetUtcNow();
        var from = From < now && From.AddDays(7) > now ? now : From;
        _gaps = await Cover.GapsAsync(from);
        var demand = await Cover.DemandAsync(from);
        _series =
        [
            new() { Name = "Expected demand", Data = new ChartData<double>([.. demand.Select(d => Math.Round(d.DemandMinutes, 1))]) },
            new() { Name = "Rostered capacity", Data = new ChartData<double>([.. demand.Select(d => d.CapacityMinutes)]) },
        ];
        _labels = [.. demand.Select((d, i) => i % 12 == 0 ? UkCalendar.ToLocal(d.Hour).ToString("ddd HH:00") : string.Empty)];
        _short =
            [.. demand.Where(d => d.DemandMinutes > d.CapacityMinutes + 0.5).OrderByDescending(d => d.DemandMinutes - d.CapacityMinutes)];
    }

    private IEnumerable<GapRow> Shown
        => _gaps!.Where(g => (_trust is null || g.TrustName == _trust) && (_skill is null || g.Skill == _skill));

    /// <summary>"Sat 5 Dec 02:00–08:00" within a day (to midnight as 24:00), else "Sun 29 Nov 07:00 to Sun 6 Dec 07:00".</summary>
    private static string Span(GapRow gap)
    {
        var (from, to) = (UkCalendar.ToLocal(gap.Start), UkCalendar.ToLocal(gap.End));
        if (from.Date == to.Date || (to.TimeOfDay == TimeSpan.Zero && to.Date == from.Date.AddDays(1)))
        {
            return $"{from:ddd d MMM HH:mm}–{(to.TimeOfDay == TimeSpan.Zero ? "24:00" : to.ToString("HH:mm"))}";
        }

        return $"{from:ddd d MMM HH:mm} to {to:ddd d MMM HH:mm}";
    }

    public void Dispose() => _live?.Dispose();
}
