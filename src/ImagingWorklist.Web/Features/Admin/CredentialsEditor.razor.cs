using ImagingWorklist.Application.Admin;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImagingWorklist.Web.Features.Admin;

public partial class CredentialsEditor
{
    private Guid? _trust;
    private DateTime? _from;
    private DateTime? _to;
    private string? _reason;
    private string? _message;
    private bool _failed;
    private bool _busy;

    [Parameter, EditorRequired]
    public ReporterRow Reporter { get; set; } = null!;

    [Parameter, EditorRequired]
    public IReadOnlyList<TrustRow> Trusts { get; set; } = [];

    [Parameter]
    public EventCallback Changed { get; set; }

    [Parameter]
    public EventCallback Closed { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    protected override void OnInitialized() => _from = Clock.GetUtcNow().UtcDateTime.Date;

    private static string StatusText(CredentialStatus status) => status switch
    {
        CredentialStatus.ExpiringSoon => "Expiring soon",
        CredentialStatus.NotYetValid => "Not yet valid",
        _ => status.ToString(),
    };

    private string TrustName(Guid id) => Trusts.FirstOrDefault(t => t.TrustId == id)?.Name ?? "unknown trust";

    private async Task GrantAsync()
    {
        if (_trust is not { } trust || _from is not { } from)
        {
            Show("Choose a trust and a start date.", failed: true);
            return;
        }

        await RunAsync(async actor =>
            (await Credentials.GrantAsync(Reporter.ReporterId, trust, DateOnly.FromDateTime(from), _to is { } to
            ? DateOnly.FromDateTime(to) : null, actor)).Reason,
            $"Granted a credential for {TrustName(trust)}.");
    }

    private Task EndAsync(CredentialRow credential) =>
        RunAsync(async actor => (await Credentials.EndAsync(credential.CredentialId, _reason ?? string.Empty, actor)).Reason,
            $"Ended the credential for {TrustName(credential.TrustId)}.");

    private async Task RunAsync(Func<Actor, Task<string?>> change, string success)
    {
        _busy = true;
        try
        {
            var user = (await Authentication).User;
            var refusal = await change(user.Actor(ClientAddress));
            Show(refusal ?? success, failed: refusal is not null);
            if (refusal is null)
            {
                _reason = null;
                await Changed.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(string message, bool failed)
    {
        _message = message;
        _failed = failed;
    }
}
