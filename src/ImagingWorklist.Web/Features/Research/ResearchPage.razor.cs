using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ImagingWorklist.Web.Features.Research;

/// <summary>
/// Requests, decisions and extracts. Requesters draft, submit, withdraw and extract their own; data guardians see every
/// request, decide those of others, and keep the opt-out list (<see cref="GuardianPanel"/>). While an extract is built the
/// page reads its progress every second.
/// </summary>
public sealed partial class ResearchPage : IDisposable
{
    private const string Submitted = "Submitted: a data guardian will decide it.";
    private const string Withdrawn = "Withdrawn.";
    private const string Building = "Building the extract; its progress shows below.";

    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<DataAccessView>? _requests;
    private bool _requester;
    private bool _guardian;
    private bool _drafting;
    private string? _message;
    private bool _ok;
    private readonly Dictionary<Guid, string?> _reasons = [];
    private readonly Dictionary<Guid, Guid?> _links = [];
    private ClientSecret? _secret;
    private GuardianPanel? _panel;
    private PeriodicTimer? _timer;

    [Inject]
    private DataAccessRequests Requests { get; set; } = null!;

    [Inject]
    private ResearchExtracts Extracts { get; set; } = null!;

    [Inject]
    private ResearchClients Clients { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    private Actor Actor { get; set; } = null!;

    private ResearchCaller Caller => new(Actor, _guardian);

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        Actor = user.Actor("browser");
        _requester = user.InAny(WorklistRoles.ResearchRequesters);
        _guardian = user.InAny(WorklistRoles.DataGuardians);
        await ReloadAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _timer?.Dispose();
        _stop.Dispose();
    }

    private bool Mine(DataAccessView request) => request.RequestedBy == Actor.Name;

    private static Color StateColour(DataAccessView request) => request.State switch
    {
        DataAccessState.Approved when request.Expired => Color.Default,
        DataAccessState.Approved => Color.Success,
        DataAccessState.Submitted => Color.Warning,
        DataAccessState.Refused => Color.Error,
        _ => Color.Default,
    };

    private async Task ReloadAsync()
    {
        _requests = await Requests.ListAsync(Caller, _stop.Token);
        if (_requests.Any(r => r.Extracts.Any(e => e.Status == ExtractStatus.Building)) && _timer is null)
        {
            _ = WatchAsync();
        }
    }

    /// <summary>Reads progress every second while any extract is being built, then stops.</summary>
    private async Task WatchAsync()
    {
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await _timer.WaitForNextTickAsync(_stop.Token))
            {
                _requests = await Requests.ListAsync(Caller, _stop.Token);
                await InvokeAsync(StateHasChanged);
                if (!_requests.Any(r => r.Extracts.Any(e => e.Status == ExtractStatus.Building)))
                {
                    if (_message == Building)
                    {
                        Say(true, "The extract is ready: its counts and files are below.");
                        await InvokeAsync(StateHasChanged);
                    }

                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
        finally
        {
            _timer?.Dispose();
            _timer = null;
        }

        if (_panel is not null && !_stop.IsCancellationRequested)
        {
            await InvokeAsync(_panel.ReloadAsync);
        }
    }

    private async Task SavedAsync(Guid id)
    {
        _drafting = false;
        Say(true, "Draft saved. Submit it for a decision when it is ready.");
        await ReloadAsync();
    }

    private async Task ActAsync(Task<Outcome> action, string done)
    {
        var outcome = await action;
        Say(outcome.Succeeded, outcome.Succeeded ? done : outcome.Reason!);
        await ReloadAsync();
        if (_panel is not null)
        {
            await _panel.ReloadAsync();
        }
    }

    private Task DecideAsync(Guid id, bool approve)
    {
        // Each request under decision has its own reason and link, so typing on one card never shows on another.
        var (reason, link) = (_reasons.GetValueOrDefault(id), _links.GetValueOrDefault(id));
        _reasons.Remove(id);
        _links.Remove(id);
        return ActAsync(Requests.DecideAsync(id, approve, reason, Caller, linkWith: approve ? link : null),
            approve ? "Approved." : "Refused; the requester sees the reason.");
    }

    private async Task ExtractAsync(Guid requestId)
    {
        var started = await Extracts.StartAsync(requestId, new ResearchCaller(Actor, false));
        Say(started.Succeeded, started.Succeeded ? Building : started.Reason!);
        await ReloadAsync();
    }

    private async Task IssueClientAsync(Guid requestId)
    {
        var issued = await Clients.IssueAsync(requestId, new ResearchCaller(Actor, false));
        if (issued.Succeeded)
        {
            _secret = new ClientSecret(issued.Value.ClientId, issued.Value.Secret, WorklistScopes.Research(requestId), requestId
                .ToString("N"));
            _message = null;
        }
        else
        {
            Say(false, issued.Reason!);
        }
    }

    private void Say(bool ok, string message)
    {
        _ok = ok;
        _message = message;
    }

    private sealed record ClientSecret(string ClientId, string Secret, string Scope, string RequestId);
}
