using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ImagingWorklist.Web.Features.Worklist;

/// <summary>The signed-in reporter's ranked list: the engine's top N for them, live, with claim and next case.</summary>
public sealed partial class MyWorklist
{
    private static readonly TimeSpan CountdownTick = TimeSpan.FromSeconds(30);

    private readonly HashSet<Guid> _expanded = [];
    private List<(RankedExam Ranked, WorklistRow Row)> _rows = [];
    private IReadOnlyList<WorklistRow> _held = [];
    private IReadOnlyList<WithdrawnClaim> _withdrawn = [];
    private DateTimeOffset _withdrawnSeenUntil;
    private WorklistFilter _filter = new();
    private IReadOnlyList<TrustOption> _trusts = [];
    private NextCase? _proposal;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _busy;
    private bool _filtersOpen;
    private bool _loaded;
    private int _skips;
    private LiveUpdates? _live;
    private LiveUpdates? _liveWithdrawn;
    private AlertsSwitch? _alerts;
    private HashSet<Guid>? _emergenciesSeen;
    private ITimer? _countdown;

    [Parameter, EditorRequired]
    public Guid ReporterId { get; set; }

    [Parameter, EditorRequired]
    public string UserId { get; set; } = string.Empty;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    [Inject]
    private MyWorklistQuery Worklist { get; set; } = null!;

    [Inject]
    private WorklistFilterStore Filters { get; set; } = null!;

    [Inject]
    private TrustsQuery TrustList { get; set; } = null!;

    [Inject]
    private ClaimService Claims { get; set; } = null!;

    [Inject]
    private WithdrawnClaimsQuery Withdrawals { get; set; } = null!;

    [Inject]
    private WorklistChangeDispatcher Changes { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _filter = await Filters.LoadAsync(UserId);
        _filtersOpen = !_filter.IsEmpty;
        _trusts = await TrustList.AllAsync();
        await RefreshAsync();
        await LoadWithdrawnAsync();
        _live = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
        {
            await RefreshAsync();
            StateHasChanged();
        }));

        // Withdrawals are read when a claim goes back to the worklist, not on every change to the list.
        _liveWithdrawn = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
        {
            await LoadWithdrawnAsync();
            StateHasChanged();
        }), change => change.Kind == WorklistChangeKind.ExamReleased);
        _countdown = Clock.CreateTimer(_ => InvokeAsync(StateHasChanged), null, CountdownTick, CountdownTick);
    }

    private async Task RefreshAsync()
    {
        var view = await Worklist.LoadAsync(ReporterId, _filter);
        (_rows, _held, _skips) = ([.. view.Rows], view.Held, view.Skips);
        _loaded = true;
        await AlertToNewEmergenciesAsync();
    }

    /// <summary>
    /// An emergency-class case that arrives on this reporter's list while the page is open is announced by the device
    /// (when they switched alerts on), so it is not missed in a background tab. Procedure, site and due time only.
    /// </summary>
    private async Task AlertToNewEmergenciesAsync()
    {
        var emergencies = _rows.Where(r => r.Ranked.Class == UrgencyClass.Emergency).ToList();
        var first = _emergenciesSeen is null;
        _emergenciesSeen ??= [];
        foreach (var row in emergencies.Select(e => e.Row).Where(row => _emergenciesSeen.Add(row.ExamId)))
        {
            if (!first && _alerts is not null)
            {
                await _alerts.NotifyAsync($"Emergency case: {row.ProcedureDescription}",
                    $"{row.SiteName}, {DueText.Describe(row.DueAt, Clock.GetUtcNow()).Text}. Open ImagingWorklist to claim it.",
                    $"exam-{row.ExamId}", "/");
            }
        }
    }

    private async Task LoadWithdrawnAsync()
    {
        var since = Clock.GetUtcNow().AddHours(-24);
        _withdrawn = await Withdrawals.WithdrawnFromAsync(ReporterId, since > _withdrawnSeenUntil ? since : _withdrawnSeenUntil);
    }

    private async Task FilterChangedAsync(WorklistFilter filter)
    {
        _filter = filter;
        await Filters.SaveAsync(UserId, filter);

        // Cases a wider filter brings into view are not new arrivals: only those arriving after it are announced.
        _emergenciesSeen = null;
        await RefreshAsync();
    }

    private void Toggle(Guid examId)
    {
        if (!_expanded.Remove(examId))
        {
            _expanded.Add(examId);
        }
    }

    private void ProposeNextCase()
    {
        var next = Worklist.NextCase(ReporterId);
        _proposal = next.Case;
        if (next.Case is null)
        {
            Say(next.WhyNone!, Severity.Info);
        }
    }

    private async Task ClaimAsync(Guid examId)
    {
        _busy = true;
        try
        {
            var user = (await Authentication).User;
            if (await Claims.ClaimAndOpenAsync(Navigation, examId, ReporterId,
                Security.ClaimsPrincipalExtensions.Actor(user, ClientAddress)) is not { } refusal)
            {
                return;
            }

            _proposal = null;
            Say(refusal, Severity.Warning);
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SkipAsync((Guid ExamId, string Reason) skip)
    {
        var user = (await Authentication).User;
        var outcome =
            await Claims.SkipAsync(skip.ExamId, ReporterId, skip.Reason, Security.ClaimsPrincipalExtensions.Actor(user, ClientAddress));
        if (!outcome.Succeeded)
        {
            Say(outcome.Reason!, Severity.Warning);
            return;
        }

        _skips = Worklist.SkipCount(ReporterId);
        ProposeNextCase();
    }

    /// <summary>The reporter has read the notices: only later withdrawals are shown from now on, in this session.</summary>
    private void DismissWithdrawn()
    {
        _withdrawnSeenUntil = _withdrawn.Max(w => w.At).AddTicks(1);
        _withdrawn = [];
    }

    private void Say(string message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }

    public void Dispose()
    {
        _live?.Dispose();
        _liveWithdrawn?.Dispose();
        _countdown?.Dispose();
    }
}
