using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.FollowUps;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;
using Microsoft.AspNetCore.Components;

namespace ImagingWorklist.Web.Features.Exams;

/// <summary>The exam's follow-up recommendations and, for a reporter working on it, the form that adds one.</summary>
public partial class FollowUpPanel
{
    private IReadOnlyList<FollowUpRow> _items = [];
    private IReadOnlyList<(string Code, string Description)> _procedures = [];
    private bool _open;
    private bool _busy;
    private string _code = string.Empty;
    private string? _when;
    private string? _why;
    private FollowUpRecipient _recipient;
    private string? _name;
    private string? _message;
    private bool _ok;
    private (Guid ExamId, int Version)? _loaded;

    [Inject]
    private FollowUpService FollowUps { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter, EditorRequired]
    public ExamDetails Details { get; set; } = null!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    [Parameter, EditorRequired]
    public AccessScope Scope { get; set; } = null!;

    /// <summary>Changes when the exam's reporting does (a follow-up closed by an order elsewhere, say), to read the list again.</summary>
    [Parameter]
    public int Version { get; set; }

    /// <summary>Reads the list when the exam or its reporting changed, not on every render of the page around it.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != (Details.ExamId, Version))
        {
            _loaded = (Details.ExamId, Version);
            _items = await FollowUps.ListAsync(Scope, FollowUpView.All, Details.ExamId);
        }
    }

    private async Task StartAsync()
    {
        _procedures = await FollowUps.ProceduresAsync();
        (_open, _message, _code, _when, _why) = (true, null, Details.ProcedureCode, null, null);
        RecipientChanged(Details.Referrer is null && Details.RegisteredGp is not null ? FollowUpRecipient.GeneralPractitioner
            : FollowUpRecipient.Referrer);
    }

    /// <summary>The name as the order records the referrer or the GP, for the reporter to confirm or correct.</summary>
    private void RecipientChanged(FollowUpRecipient recipient) =>
        (_recipient, _name) = (recipient, recipient == FollowUpRecipient.Referrer ? Details.Referrer : Details.RegisteredGp);

    private async Task RecommendAsync()
    {
        if (FollowUpDue.Parse(_when, UkCalendar.DayOf(Clock.GetUtcNow())) is not { } due)
        {
            (_message, _ok) = ("Say when: an interval such as 6 weeks, 3 months or 1 year, or a date such as 05/03/2027.", false);
            return;
        }

        _busy = true;
        var request = new FollowUpRequest(_code.Length == 0 ? null : _code, due, _why ?? string.Empty, _recipient, _name ?? string.Empty);
        var recommended = await FollowUps.RecommendAsync(Details.ExamId, Actor.ReporterId!.Value, request, Actor);
        _busy = false;
        if (!recommended.Succeeded)
        {
            (_message, _ok) = (recommended.Reason, false);
            return;
        }

        (_open, _message, _ok) =
            (false, $"Recommended, due {UkCalendar.FormatDate(due)}: it stays on the trust's follow-up list until it is done.", true);
        _items = await FollowUps.ListAsync(Scope, FollowUpView.All, Details.ExamId);
    }
}
