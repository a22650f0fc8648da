using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FastLanes;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Components.Shared;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace ImagingWorklist.Web.Features.Worklist;

/// <summary>Fast-lane exams waiting for this reporter, on every page, announced until someone claims them.</summary>
public sealed partial class FastLaneAlert
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    private readonly Dictionary<Guid, DateTimeOffset> _announced = [];
    private IReadOnlyList<FastLaneWaiting> _waiting = [];
    private Guid? _reporterId;
    private Actor _actor = Actor.System;
    private LiveUpdates? _live;
    private ITimer? _timer;
    private bool _rendered;
    private bool _busy;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is null || (await Authentication).User is not { Identity.IsAuthenticated: true } user
            || !user.IsInRole(WorklistRoles.Radiologist) || user.ReporterId() is not { } reporter)
        {
            return;
        }

        (_reporterId, _actor) = (reporter, user.Actor(ClientAddress));
        _waiting = Lanes.WaitingFor(reporter);
        _live = new LiveUpdates(Changes, Clock, () => InvokeAsync(RefreshAsync),
            change => change.Kind is not (WorklistChangeKind.RotaChanged or WorklistChangeKind.ReportingChanged));
        var every = Lanes.Settings.AlertRepeat < Tick ? Lanes.Settings.AlertRepeat : Tick;
        _timer = Clock.CreateTimer(_ => InvokeAsync(RefreshAsync), null, every, every);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _rendered = true;
            await AnnounceAsync();
        }
    }

    private async Task RefreshAsync()
    {
        if (_reporterId is not { } reporter)
        {
            return;
        }

        // Nothing waiting before or now (almost always): no render, so the 15-second tick costs a page nothing.
        var before = _waiting;
        _waiting = Lanes.WaitingFor(reporter);
        if (before.Count == 0 && _waiting.Count == 0)
        {
            return;
        }

        await AnnounceAsync();
        StateHasChanged();
    }

    /// <summary>Sounds and notifies for each exam not announced yet, or not for a whole repeat interval.</summary>
    private async Task AnnounceAsync()
    {
        if (!_rendered)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        foreach (var gone in _announced.Keys.Where(id => _waiting.All(w => w.ExamId != id)).ToList())
        {
            _announced.Remove(gone);
        }

        var due = _waiting.Where(w => !_announced.TryGetValue(w.ExamId, out var at) || now - at >= Lanes.Settings.AlertRepeat).ToList();
        if (due.Count == 0)
        {
            return;
        }

        try
        {
            await JS.InvokeAsync<bool>("iwNotify.chime");
            foreach (var waiting in due)
            {
                _announced[waiting.ExamId] = now;
                await JS.InvokeAsync<bool>("iwNotify.show", $"{Labels.Of(waiting.Lane)} fast lane: {waiting.Description}",
                    waiting.Clock?.Describe(now) ?? "Waiting for a reporter. Open ImagingWorklist to claim it.", $"lane-{waiting.ExamId}",
                    "/");
            }
        }
        catch (JSDisconnectedException)
        {
            // The page closed while the alert was on its way; the next page the reporter opens alerts again.
        }
    }

    private async Task ClaimAsync(Guid examId)
    {
        if (_reporterId is not { } reporter)
        {
            return;
        }

        _busy = true;
        try
        {
            _error = await Claims.ClaimAndOpenAsync(Navigation, examId, reporter, _actor);
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        _timer?.Dispose();
    }
}
