using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.FastLanes;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImagingWorklist.Web.Features.Exams;

/// <summary>The exam's fast lane: in it, the clock, the verbal report and the way out; not in it, the flag that puts it there.</summary>
public sealed partial class FastLanePanel
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    private ITimer? _tick;
    private string? _error;
    private bool _busy;
    private FastLane? _lane;
    private string? _note;
    private string? _leaveReason;
    private string? _toldWhom;
    private string? _toldAt;
    private string? _summary;

    [Parameter, EditorRequired]
    public ExamDetails Details { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Parameter, EditorRequired]
    public FastLaneStatus Status { get; set; } = FastLaneStatus.None;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    [Parameter, EditorRequired]
    public AccessScope Scope { get; set; } = AccessScope.Nothing;

    /// <summary>The viewer holds the exam: only they record its verbal report.</summary>
    [Parameter]
    public bool Holds { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    /// <summary>A verbal report was given with nothing drafted: the report now starts from it, and the box must show it.</summary>
    [Parameter]
    public EventCallback OnReportStarted { get; set; }

    protected override void OnInitialized() => _tick = Clock.CreateTimer(_ => InvokeAsync(StateHasChanged), null, Tick, Tick);

    private static string Sentence(string? text) => string.IsNullOrEmpty(text) ? string.Empty : char.ToUpperInvariant(text[0]) + text[1..];

    private async Task EnterAsync()
    {
        var who = Authentication is null ? null : (await Authentication).User.DisplayName();
        await RunAsync(() => Lanes.FlagAsync(Details.ExamId, _lane!.Value, _note, Actor, Scope, who));
    }

    private Task LeaveAsync() => RunAsync(() => Lanes.ClearAsync(Details.ExamId, _leaveReason, Actor, Scope));

    private Task GiveVerbalAsync()
    {
        // Empty means now; a time given is today's, or yesterday's when it is later than now (told at 23:58, typed at 00:03).
        var now = Clock.GetUtcNow();
        var at = string.IsNullOrWhiteSpace(_toldAt) ? now : UkCalendar.TimeToday(_toldAt, now);
        if (at is null)
        {
            _error = $"Give the time told as HH:mm (such as {UkCalendar.TimeOfDay(now)}), or leave it empty for now; not '{_toldAt}'.";
            return Task.CompletedTask;
        }

        return Actor.ReporterId is { } reporter
            ? RunAsync(async () =>
            {
                var given = await Reporting.GiveVerbalReportAsync(Details.ExamId, reporter,
                    new VerbalReport(_toldWhom ?? string.Empty, at.Value, _summary ?? string.Empty), Details.Patient, Actor);
                if (given.Value)
                {
                    await OnReportStarted.InvokeAsync();
                }

                return given.Succeeded ? Domain.Common.Outcome.Accepted : Domain.Common.Outcome.Rejected(given.Reason!);
            })
            : Task.CompletedTask;
    }

    private async Task RunAsync(Func<Task<Domain.Common.Outcome>> step)
    {
        _busy = true;
        try
        {
            var outcome = await step();
            _error = outcome.Reason;
            if (outcome.Succeeded)
            {
                (_note, _leaveReason, _summary, _toldAt, _lane) = (null, null, null, null, null);
                await OnChanged.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _tick?.Dispose();
}
