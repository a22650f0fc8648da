using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;
using Microsoft.AspNetCore.Components;

namespace ImagingWorklist.Web.Features.Exams;

public partial class FindingsPanel
{
    private bool _open;
    private bool _busy;
    private FindingCategory _category;
    private CommunicationMethod _method;
    private string? _summary;
    private string? _site;
    private string? _to;
    private string? _when;
    private string? _error;

    [Parameter, EditorRequired]
    public ExamDetails Details { get; set; } = null!;

    [Parameter, EditorRequired]
    public IReadOnlyList<FindingAlert> Items { get; set; } = [];

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    [Parameter, EditorRequired]
    public AccessScope Scope { get; set; } = null!;

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private void Start()
    {
        _open = true;
        _category = Findings.Offered[0];
        _error = null;
        _when = UkCalendar.TimeOfDay(Clock.GetUtcNow());
    }

    private async Task RaiseAsync()
    {
        var told = string.IsNullOrWhiteSpace(_to) ? null : UkCalendar.TimeToday(_when, Clock.GetUtcNow()) is { } at
            ? new Communication(_to, _method, at) : null;
        if (!string.IsNullOrWhiteSpace(_to) && told is null)
        {
            _error = "Give the time it was communicated as HH:mm, for example 14:05.";
            return;
        }

        _busy = true;
        var raised =
            await Findings.RaiseAsync(Details.ExamId, Actor.ReporterId!.Value, _category, _summary ?? string.Empty, _site, told, Actor);
        _busy = false;
        if (!raised.Succeeded)
        {
            _error = raised.Reason;
            return;
        }

        _open = false;
        _summary = null;
        _site = null;
        _to = null;
        await OnChanged.InvokeAsync();
    }
}
