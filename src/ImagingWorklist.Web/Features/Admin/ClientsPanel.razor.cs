using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImagingWorklist.Web.Features.Admin;

public partial class ClientsPanel
{
    private static readonly string[] Offered = [WorklistScopes.Ingest, WorklistScopes.Read, WorklistScopes.ReportsRead];

    private IReadOnlyList<ClientSummary>? _clients;
    private (string ClientId, string Secret)? _secret;
    private string? _clientId;
    private string? _displayName;
    private string? _trusts;
    private readonly HashSet<string> _scopes = [WorklistScopes.Ingest];
    private string? _message;
    private bool _failed;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    protected override async Task OnInitializedAsync() => _clients = await Clients.ListAsync();

    private void Toggle(string scope, bool on)
    {
        if (on)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes.Remove(scope);
        }
    }

    private async Task CreateAsync()
    {
        var clientId = (_clientId ?? string.Empty).Trim();
        await RunAsync(actor => Clients.CreateAsync(clientId, _displayName ?? string.Empty, [.. _scopes], _trusts, actor), clientId,
            $"Created {clientId}.");
        if (!_failed)
        {
            _clientId = _displayName = _trusts = null;
        }
    }

    private Task NewSecretAsync(string clientId) =>
        RunAsync(actor => Clients.NewSecretAsync(clientId, actor), clientId,
            $"Issued a new secret for {clientId}; the old one no longer works.");

    private Task RemoveAsync(string clientId) =>
        RunAsync(
            async actor => await Clients.RemoveAsync(clientId, actor) is { Succeeded: false } refused
                ? Outcome<string>.Rejected(refused.Reason!) : Outcome<string>.Accepted(string.Empty),
            clientId,
            $"Removed {clientId}; its tokens no longer work.");

    /// <summary>Runs one change; a non-empty value in the answer is a new secret, shown once.</summary>
    private async Task RunAsync(Func<Actor, Task<Outcome<string>>> change, string clientId, string success)
    {
        _busy = true;
        try
        {
            var outcome = await change((await Authentication).User.Actor(ClientAddress));
            _failed = !outcome.Succeeded;
            _message = outcome.Reason ?? success;
            if (outcome.Succeeded)
            {
                _secret = string.IsNullOrEmpty(outcome.Value) ? null : (clientId, outcome.Value);
                _clients = await Clients.ListAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
