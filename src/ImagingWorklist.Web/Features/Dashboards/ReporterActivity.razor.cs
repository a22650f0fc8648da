using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Components.Shared;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImagingWorklist.Web.Features.Dashboards;

public partial class ReporterActivity
{
    private ActivityReport? _report;
    private int _days = 30;
    private bool _seesAll;
    private Guid? _reporterId;
    private Application.Security.AccessScope _scope = Application.Security.AccessScope.Nothing;
    private LiveUpdates? _live;
    private int _version;

    /// <summary>Shown as the dashboard's Activity tab rather than as a page of its own.</summary>
    [Parameter]
    public bool InDashboard { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _seesAll = user.Oversees();
        _reporterId = user.ReporterId();
        _scope = _seesAll ? user.AccessScope() : Application.Security.AccessScope.WholeNetwork;
        await LoadAsync();
        _live = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), change =>
            change.Kind is WorklistChangeKind.ReportingChanged or WorklistChangeKind.ExamReleased or WorklistChangeKind.RotaChanged,
            atMostEvery: TimeSpan.FromSeconds(30));
    }

    private async Task LoadAsync()
    {
        if (!_seesAll && _reporterId is null)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        _report = await ActivityQuery.ReportAsync(now.AddDays(-_days), now, _scope, _seesAll ? null : _reporterId);
        _version++;
    }

    private async Task DaysChangedAsync(int days)
    {
        _days = days;
        _report = null;
        await LoadAsync();
    }

    /// <summary>Ten or more claims, mostly not the first offer, at well under the first offers' minutes.</summary>
    private static bool Picky(ActivityRow row) => row.Claims >= 10 && row.FirstShare < 0.5 && row.TakenToOffered < 0.6;

    private bool Quick(ActivityRow row) => row.Reports >= 10 && row.MinutesPerReport < 0.5 * _report!.NetworkMinutesPerReport;

    private static string Mix(ActivityRow row) => row.Minutes == 0 ? "–" :
        string.Join(", ", row.MinutesBySkill.OrderByDescending(m => m.Value).Take(3)
            .Select(m => $"{Labels.Of(m.Key)} {(double)m.Value / row.Minutes:P0}"));
}
