using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FollowUps;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Web.Components.Shared;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImagingWorklist.Web.Features.FollowUps;

/// <summary>The failsafe list: open recommendations overdue or due soon first, closed by an order or by hand; live.</summary>
public partial class FollowUpsPage : IDisposable
{
    private IReadOnlyList<FollowUpRow>? _rows;
    private FollowUpView _view = FollowUpView.NeedsAction;
    private string? _invalidView;
    private AccessScope _scope = AccessScope.Nothing;
    private Actor _actor = Actor.System;
    private LiveUpdates? _live;
    private Guid? _closing;
    private FollowUpClosure _closure;
    private string? _note;
    private string? _message;
    private bool _ok;
    private bool _busy;

    [Inject]
    private FollowUpService FollowUps { get; set; } = null!;

    [Inject]
    private WorklistChangeDispatcher Changes { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [CascadingParameter(Name = "ClientAddress")]
    private string? ClientAddress { get; set; }

    [SupplyParameterFromQuery(Name = "view")]
    public string? View { get; set; }

    private string Heading => $"{FollowUpViews.All.First(v => v.View == _view).Label} ({_rows?.Count ?? 0})";

    private string EmptyText => _view switch
    {
        FollowUpView.NeedsAction => "Nothing is overdue or due soon.",
        FollowUpView.Overdue => "Nothing is overdue.",
        FollowUpView.Open => "No recommendation is open.",
        _ => "No recommendations yet.",
    };

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _scope = user.AccessScope();
        _actor = user.Actor(ClientAddress);
        _live = new LiveUpdates(Changes, Clock, () => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), LiveUpdates.ReportingOnly);
    }

    protected override async Task OnParametersSetAsync()
    {
        var parsed = FollowUpViews.Parse(View);
        (_view, _invalidView) = (parsed ?? FollowUpView.NeedsAction, parsed is null ? View : null);
        await LoadAsync();
    }

    private async Task LoadAsync() => _rows = await FollowUps.ListAsync(_scope, _view);

    private void StartClosing(Guid id) => (_closing, _closure, _note, _message) = (id, FollowUpClosure.NotNeeded, null, null);

    private async Task CloseAsync(Guid id)
    {
        _busy = true;
        var closed = await FollowUps.CloseAsync(id, _closure, _note, _actor, _scope);
        _busy = false;
        (_message, _ok) = (closed.Succeeded ? "Closed; the reason is kept in the audit trail." : closed.Reason, closed.Succeeded);
        if (closed.Succeeded)
        {
            _closing = null;
            await LoadAsync();
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }
}
