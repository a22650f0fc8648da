using ImagingWorklist.Application.Ai;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.FastLanes;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Web.Components.Shared;
using ImagingWorklist.Web.Features.Worklist;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ImagingWorklist.Web.Features.Exams;

/// <summary>
/// One exam, patient details included, for a reporter with a need to know (holding it, verifying it, asked for an
/// opinion, or having reported it) or a manager. While the holder has the page open it renews the claim's lease; closing
/// it lets the lease run out, and the exam returns to the pool with nothing lost. Live changes refresh the report,
/// opinions and findings, never the patient: the page shows the patient it opened with until the user reloads it.
/// </summary>
public sealed partial class ExamView
{
    private ExamDetails? _details;
    private ReassignPanel? _reassign;
    private string? _refusal;
    private string? _message;
    private Severity _messageSeverity;
    private DateTimeOffset? _leaseExpires;
    private ITimer? _heartbeat;
    private Actor _actor = Actor.System;
    private bool _mayReassign;
    private ExamReporting? _reporting;
    private IReadOnlyList<FindingAlert> _findings = [];
    private IReadOnlyList<AiResultView> _ai = [];
    private FastLaneStatus _lane = FastLaneStatus.None;
    private int _reportingVersion;
    private AccessScope _scope = AccessScope.Nothing;
    private IDisposable? _changes;
    private int _editorKey;
    private bool _signedHere;
    private VerifierOutlook? _verifiers;
    private Guid _shown;
    private string? _carried;

    [Parameter]
    public Guid ExamId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    [Inject]
    private ExamDetailsQuery Exams { get; set; } = null!;

    [Inject]
    private ClaimService Claims { get; set; } = null!;

    [Inject]
    private ClaimSettings Settings { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ReportingQuery Reporting { get; set; } = null!;

    [Inject]
    private CriticalFindings Findings { get; set; } = null!;

    [Inject]
    private AiResults AiResults { get; set; } = null!;

    [Inject]
    private FastLaneService Lanes { get; set; } = null!;

    [Inject]
    private Verifiers VerifierList { get; set; } = null!;

    [Inject]
    private WorklistChangeDispatcher Changes { get; set; } = null!;

    [Inject]
    private Application.Worklist.MyWorklistQuery Worklist { get; set; } = null!;

    /// <summary>
    /// Live: this exam's changes reload its reporting; a rota change reloads who could verify (only while that is shown),
    /// since a consultant coming on duty or going on leave changes it.
    /// </summary>
    protected override void OnInitialized() =>
        _changes = Changes.Subscribe(change => _details is null ? Task.CompletedTask
            : change.ExamId == ExamId ? InvokeAsync(async () =>
            {
                await LoadReportingAsync();
                StateHasChanged();
            })
            : _verifiers is not null && LiveUpdates.RotaOnly(change) ? InvokeAsync(async () =>
            {
                _verifiers = await VerifierList.ForExamAsync(ExamId, _actor.ReporterId);
                StateHasChanged();
            })
            : Task.CompletedTask);

    /// <summary>The page is reused when "Next case" opens another exam: everything shown is for the new one.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (_shown == ExamId)
        {
            return;
        }

        _shown = ExamId;
        _signedHere = false;
        _details = null;
        _refusal = null;
        _message = null;
        await LoadAsync();
        if (_carried is not null)
        {
            Say(_carried, Severity.Success);
            _carried = null;
        }
    }

    private async Task LoadAsync()
    {
        var user = (await Authentication).User;
        _actor = user.Actor(ClientAddress);
        _scope = user.AccessScope();
        var managerView = user.InAny(WorklistRoles.ExamManagers);
        _mayReassign = managerView;
        _heartbeat?.Dispose();
        _heartbeat = null;
        var loaded = await Exams.LoadAsync(ExamId, _actor, holderOnly: !managerView, _scope);
        if (!loaded.Succeeded)
        {
            _refusal = loaded.Reason;
            _details = null;
            return;
        }

        _details = loaded.Value;
        _editorKey++;
        await LoadReportingAsync();
        _leaseExpires = _details!.Claim?.LeaseExpiresAt;
        if (_details.Claim is { } claim && claim.ReporterId == _actor.ReporterId)
        {
            var beat = Settings.Lease / 4;
            _heartbeat = Clock.CreateTimer(_ => _ = InvokeAsync(RenewAsync), null, beat, beat);
        }
    }

    private async Task LoadReportingAsync()
    {
        _reporting = await Reporting.LoadAsync(ExamId);
        _findings = await Findings.AlertsAsync(_scope, ExamId);
        _ai = await AiResults.ForExamAsync(ExamId);
        _lane = await Lanes.StatusAsync(ExamId);
        _reportingVersion++;
        _verifiers = _details is { Access: { Holds: true, SignNeedsVerification: true } }
            ? await VerifierList.ForExamAsync(ExamId, _actor.ReporterId) : null;
    }

    /// <summary>A verbal report given with nothing drafted is where the final report starts: the empty box is rebuilt to show it.</summary>
    private async Task ReportStartedAsync()
    {
        await LoadReportingAsync();
        _editorKey++;
    }

    private async Task SignedAsync((string Message, bool Next) signed)
    {
        _signedHere = true;
        _carried = $"{signed.Message} This is your next case.";
        if (signed.Next && await OpenNextCaseAsync() is null)
        {
            return;
        }

        _carried = null;

        await LoadAsync();
        Say(signed.Message, Severity.Success);
    }

    /// <summary>Claims and opens the engine's next case for this reporter; says why when there is none.</summary>
    private async Task<string?> OpenNextCaseAsync()
    {
        if (_actor.ReporterId is not { } reporter)
        {
            return "Only a reporter has a next case.";
        }

        var refusal = await Claims.OpenNextAsync(Worklist, Navigation, reporter, _actor);
        if (refusal is not null)
        {
            Say(refusal, Severity.Info);
        }

        return refusal;
    }

    private void Reclaimed(DraftSaved saved)
    {
        if (saved.Claim is { } claim && _details is not null)
        {
            // The claim was taken up again (perhaps with a new lease token): renew that one from now on.
            _details = _details with { Claim = claim };
            _leaseExpires = claim.LeaseExpiresAt;
            if (_heartbeat is null)
            {
                var beat = Settings.Lease / 4;
                _heartbeat = Clock.CreateTimer(_ => _ = InvokeAsync(RenewAsync), null, beat, beat);
            }
        }

        Say(saved.Notice!, Severity.Info);
    }

    private async Task RenewAsync()
    {
        if (_details?.Claim is not { } claim)
        {
            return;
        }

        var renewed = await Claims.RenewAsync(ExamId, claim.LeaseToken, _actor);
        if (renewed.Succeeded)
        {
            _leaseExpires = Clock.GetUtcNow() + Settings.Lease;
        }
        else
        {
            _heartbeat?.Dispose();
            Say($"Your claim could not be renewed: {renewed.Reason}", Severity.Error);
        }

        StateHasChanged();
    }

    private async Task ReleaseAsync(string reason)
    {
        var released = await Claims.ReleaseAsync(ExamId, _details!.Claim!.LeaseToken, reason, _actor);
        if (released.Succeeded)
        {
            _heartbeat?.Dispose();
            Navigation.NavigateTo("/");
            return;
        }

        Say(released.Reason!, Severity.Warning);
    }

    private async Task HoldAsync(string reason)
    {
        var held = await Claims.HoldAsync(ExamId, reason, _actor);
        if (held.Succeeded)
        {
            _heartbeat?.Dispose();
            Navigation.NavigateTo("/");
            return;
        }

        Say(held.Reason!, Severity.Warning);
    }

    private async Task ReassignAsync((Guid ReporterId, string Reason) reassignment)
    {
        var outcome = await Claims.ReassignAsync(ExamId, reassignment.ReporterId, reassignment.Reason, _actor);
        if (outcome.Succeeded)
        {
            await LoadAsync();
            _reassign?.Clear();
            Say(_details?.ClaimedBy is { } holder ? $"Reassigned to {holder}." : "Reassigned.", Severity.Success);
            return;
        }

        Say(outcome.Reason!, Severity.Warning);
    }

    private void Say(string message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }

    public void Dispose()
    {
        _heartbeat?.Dispose();
        _changes?.Dispose();
    }
}
