using ImagingWorklist.Application.Admin;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ImagingWorklist.Web.Features.Admin;

public partial class UsersPanel
{
    private static readonly Func<string?, string?> RoleLabel = role => role is null ? null : Application.Security.WorklistRoles.Label(role);

    private IReadOnlyList<UserSummary>? _users;
    private IReadOnlyList<ReporterRow> _unlinked = [];
    private UserSummary? _passwordFor;
    private UserSummary? _trustsFor;
    private string? _newPassword;
    private string? _trustScope;
    private NewAccount _new = new();
    private string? _message;
    private bool _failed;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _users = await Users.ListAsync();
        var linked = _users.Where(u => u.ReporterId is not null).Select(u => u.ReporterId!.Value).ToHashSet();
        _unlinked = [.. (await Directory.LoadAsync()).Reporters.Where(r => !linked.Contains(r.ReporterId))];
    }

    private Task SetRoleAsync(UserSummary user, string role) =>
        RunAsync(actor => Users.SetRoleAsync(user.Id, role, actor), $"{user.UserName} is now {role}.");

    private Task SetLockedAsync(UserSummary user, bool locked) =>
        RunAsync(actor => Users.SetLockedAsync(user.Id, locked, actor),
            $"{user.UserName} is {(locked ? "locked: open pages lose access within five minutes" : "unlocked")}.");

    private async Task ResetPasswordAsync(UserSummary user)
    {
        await RunAsync(actor => Users.ResetPasswordAsync(user.Id, _newPassword ?? string.Empty, actor),
            $"{user.UserName}'s password was changed.");
        if (!_failed)
        {
            _passwordFor = null;
            _newPassword = null;
        }
    }

    private async Task SetTrustsAsync(UserSummary user)
    {
        await RunAsync(actor => Users.SetTrustScopeAsync(user.Id, _trustScope, actor), $"{user.UserName}'s trusts were saved.");
        if (!_failed)
        {
            _trustsFor = null;
        }
    }

    private async Task CreateAsync()
    {
        var request =
            new NewUser(_new.UserName ?? string.Empty, _new.DisplayName ?? string.Empty, _new.Role ?? string.Empty, _new.ReporterId, null,
            _new.Password ?? string.Empty);
        await RunAsync(async actor => (await Users.CreateAsync(request, actor)).Reason, $"Created the account {request.UserName.Trim()}.");
        if (!_failed)
        {
            _new = new NewAccount();
        }
    }

    private Task RunAsync(Func<Actor, Task<Domain.Common.Outcome>> change, string success) =>
        RunAsync(async actor => (await change(actor)).Reason, success);

    /// <summary>Runs one change; <paramref name="change"/> answers the refusal's reason, or null when it was made.</summary>
    private async Task RunAsync(Func<Actor, Task<string?>> change, string success)
    {
        _busy = true;
        try
        {
            var refusal = await change((await Authentication).User.Actor(ClientAddress));
            _failed = refusal is not null;
            _message = refusal ?? success;
            if (refusal is null)
            {
                await ReloadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class NewAccount
    {
        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public string? Role { get; set; } = WorklistRoles.Radiologist;

        public Guid? ReporterId { get; set; }

        public string? Password { get; set; }
    }
}
