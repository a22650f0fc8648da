using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;
using Microsoft.AspNetCore.Components;

namespace ImagingWorklist.Web.Components.Shared;

/// <summary>Alerts with their state, and the two things a person records on them: who was told, and who acknowledged.</summary>
public partial class FindingList
{
    private Guid? _acknowledging;
    private Guid? _telling;
    private CommunicationMethod _method;
    private string? _by;
    private string? _at;
    private string? _message;
    private bool _ok;

    [Inject]
    private CriticalFindings Findings { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter, EditorRequired]
    public IReadOnlyList<FindingAlert> Items { get; set; } = [];

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    [Parameter, EditorRequired]
    public AccessScope Scope { get; set; } = null!;

    [Parameter]
    public bool ShowExam { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private void StartAcknowledging(Guid id)
    {
        (_acknowledging, _telling, _by) = (id, null, null);
        _at = UkCalendar.TimeOfDay(Clock.GetUtcNow());
    }

    private void StartTelling(Guid id)
    {
        (_telling, _acknowledging, _by, _method) = (id, null, null, CommunicationMethod.Telephone);
        _at = UkCalendar.TimeOfDay(Clock.GetUtcNow());
    }

    private Task CommunicateAsync(Guid id) => RecordAsync(
        at => Findings.CommunicateAsync(id, new Communication(_by ?? string.Empty, _method, at), Actor, Scope),
        "Recorded who was told; the alert now waits for their acknowledgement.");

    private Task AcknowledgeAsync(Guid id) => RecordAsync(
        at => Findings.AcknowledgeAsync(id, _by ?? string.Empty, at, Actor, Scope),
        "Acknowledgement recorded; the alert is closed.");

    private async Task RecordAsync(Func<DateTimeOffset, Task<Outcome>> record, string done)
    {
        if (UkCalendar.TimeToday(_at, Clock.GetUtcNow()) is not { } at)
        {
            (_message, _ok) = ("Give the time as HH:mm, for example 14:05.", false);
            return;
        }

        var outcome = await record(at);
        (_message, _ok) = (outcome.Succeeded ? done : outcome.Reason, outcome.Succeeded);
        if (outcome.Succeeded)
        {
            (_acknowledging, _telling) = (null, null);
            await OnChanged.InvokeAsync();
        }
    }
}
