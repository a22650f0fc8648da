using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ImagingWorklist.Web.Components.Exams;

/// <summary>
/// One exam, patient details included, for the reporter who holds it. While the page is open it renews the claim's
/// lease; closing it lets the lease run out, and the exam returns to the pool with nothing lost.
/// </summary>
public sealed partial class ExamView
{
    private ExamDetails? _details;
    private string? _refusal;
    private string? _message;
    private Severity _messageSeverity;
    private DateTimeOffset? _leaseExpires;
    private ITimer? _heartbeat;
    private Actor _actor = Actor.System;
    private bool _mayReassign;

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

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _actor = user.Actor(ClientAddress);
        var managerView = user.IsInRole(WorklistRoles.Manager) || user.IsInRole(WorklistRoles.Admin);
        _mayReassign = managerView;
        var loaded = await Exams.LoadAsync(ExamId, _actor, holderOnly: !managerView, user.AccessScope());
        if (!loaded.Succeeded)
        {
            _refusal = loaded.Reason;
            return;
        }

        _details = loaded.Value;
        _leaseExpires = _details!.Claim?.LeaseExpiresAt;
        if (_details.Claim is { } claim && claim.ReporterId == _actor.ReporterId)
        {
            var beat = Settings.Lease / 4;
            _heartbeat = Clock.CreateTimer(_ => _ = InvokeAsync(RenewAsync), null, beat, beat);
        }
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
            _heartbeat?.Dispose();
            await OnInitializedAsync();
            Say("Reassigned.", Severity.Success);
            return;
        }

        Say(outcome.Reason!, Severity.Warning);
    }

    private void Say(string message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }

    public void Dispose() => _heartbeat?.Dispose();
}
