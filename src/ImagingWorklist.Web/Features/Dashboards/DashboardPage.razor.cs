using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Components.Shared;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImagingWorklist.Web.Features.Dashboards;

public partial class DashboardPage : IDisposable
{
    private BacklogSummary? _summary;
    private IReadOnlyList<FindingAlert> _alerts = [];
    private int _alertsVersion;
    private IReadOnlyList<WithdrawnClaim> _withdrawn = [];
    private IReadOnlyList<UnverifiableWait> _unverifiable = [];
    private AccessScope _scope = AccessScope.Nothing;
    private Actor _actor = Actor.System;
    private LiveUpdates? _live;
    private AlertsSwitch? _alertsSwitch;
    private HashSet<Guid>? _escalatedSeen;
    private LiveUpdates? _liveSummary;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _scope = user.AccessScope();
        _actor = user.Actor(ClientAddress);
        await LoadAlertsAsync();
        await LoadBacklogAsync();
        _live = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
        {
            await LoadAlertsAsync();
            StateHasChanged();
        }), LiveUpdates.ReportingOnly);

        // The headline figures and the withdrawn and unverifiable lists follow every change, like the backlog table below
        // them (and on its rhythm), so the page never shows two different open counts for longer than a refresh.
        _liveSummary = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
        {
            await LoadBacklogAsync();
            StateHasChanged();
        }), atMostEvery: TimeSpan.FromSeconds(5));
    }

    /// <summary>The backlog tab's figures and lists, read together so they agree.</summary>
    private async Task LoadBacklogAsync()
    {
        _withdrawn = await Withdrawals.WithdrawnAsync(_scope, Clock.GetUtcNow().AddDays(-7));
        _unverifiable = await VerifierList.WaitingWithNobodyOnDutyAsync(_scope);
        _summary = await Backlog.SummaryAsync(_scope);
    }

    /// <summary>The tabs in order, as the address names them (<c>/dashboard?tab=findings</c>).</summary>
    internal static readonly string[] Tabs = ["backlog", "turnaround", "findings", "fast-lanes", "forecast", "return", "activity"];

    [SupplyParameterFromQuery(Name = "tab")]
    private string? Tab { get; set; }

    private int TabIndex => Math.Max(0, Array.IndexOf(Tabs, Tab?.ToLowerInvariant()));

    private int Escalated => _alerts.Count(a => a.EscalatedAt is not null);

    /// <summary>What waits on a manager shows on the tab itself, so nobody has to open it to learn there is nothing.</summary>
    private string FindingsTabText => _alerts.Count == 0 ? "Findings" : $"Findings ({_alerts.Count} waiting)";

    private void TabChanged(int index) => Navigation.NavigateTo($"/dashboard?tab={Tabs[index]}", replace: true);


    private async Task LoadAlertsAsync()
    {
        _alerts = await Findings.AlertsAsync(_scope);
        _alertsVersion++;

        // A finding escalated while the dashboard is open is announced by the device, when alerts are on (no patient named).
        var first = _escalatedSeen is null;
        _escalatedSeen ??= [];
        foreach (var alert in _alerts.Where(a => a.EscalatedAt is not null && _escalatedSeen.Add(a.Id)))
        {
            if (!first && _alertsSwitch is not null)
            {
                await _alertsSwitch.NotifyAsync($"{Labels.Of(alert.Category)} finding not acknowledged",
                    $"{alert.Summary}, {alert.TrustName}: escalated, not yet acknowledged.",
                    $"finding-{alert.Id}", "/dashboard?tab=findings");
            }
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        _liveSummary?.Dispose();
    }
}
