using ImagingWorklist.Application.Rota;
using ImagingWorklist.Application.Simulation;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Simulation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImagingWorklist.Web.Features.Rota;

public partial class WhatIfPanel
{
    private SimulationScenario? _current;
    private WhatIfProposal _proposal = WhatIfProposal.None;
    private WhatIfResult? _result;
    private RotaPerson? _addPerson;
    private RotaPerson? _removePerson;
    private DateOnly _addDay;
    private DateOnly _removeDay;
    private string? _addStart = "08:00";
    private string? _addEnd = "13:00";
    private int? _addCapacity;
    private bool _addNetworkWide;
    private string? _error;
    private bool _running;
    private double _progress;
    private bool _started;
    private readonly System.Diagnostics.Stopwatch _clock = new();
    private CancellationTokenSource? _cancel;

    [Parameter, EditorRequired]
    public IReadOnlyList<RotaPerson> People { get; set; } = [];

    /// <summary>Whether the reader may change the rota: then each proposed session can be added to it.</summary>
    [Parameter]
    public bool MayEdit { get; set; }

    private IEnumerable<DateOnly> Days => _current is null ? [] :
        Enumerable.Range(0, WhatIfService.Days + 1).Select(i => DateOnly.FromDateTime(UkCalendar.ToLocal(_current.Start).Date).AddDays(i));

    protected override async Task OnInitializedAsync()
    {
        _current = await WhatIf.CurrentAsync();
        _addDay = _removeDay = Days.Skip(1).First();
    }

    private void AddSession()
    {
        var start = UkCalendar.On(_addDay, _addStart);
        var end = UkCalendar.On(_addDay, _addEnd);
        if (_addPerson is null || start is null || end is null)
        {
            _error = "Give the times as hh:mm, for example 08:00 and 13:00.";
            return;
        }

        var capacity = _addCapacity ?? (int)((end.Value - start.Value).TotalMinutes * 0.8);
        var session = new ProposedSession(_addPerson.Id, _addPerson.Name, start.Value, end.Value, capacity, _addNetworkWide);
        _error = WhatIfService.Check(session, _current!);
        if (_error is null)
        {
            _proposal = _proposal with { Added = [.. _proposal.Added, session] };
            _result = null;
        }
    }

    private void RemoveDuty()
    {
        var from = UkCalendar.Midnight(_removeDay);
        _proposal =
            _proposal
            with { Removed =
            [.. _proposal.Removed,
            new RemovedDuty(_removePerson!.Id, _removePerson.Name, from, UkCalendar.Midnight(_removeDay.AddDays(1)))] };
        _error = null;
        _result = null;
    }

    private void Drop(ProposedSession session)
    {
        _proposal = _proposal with { Added = [.. _proposal.Added.Where(a => a != session)] };
        _result = null;
    }

    private void Drop(RemovedDuty duty)
    {
        _proposal = _proposal with { Removed = [.. _proposal.Removed.Where(r => r != duty)] };
        _result = null;
    }

    private async Task SimulateAsync()
    {
        _running = true;
        _progress = 0;
        _started = false;
        _error = null;
        _cancel = new CancellationTokenSource();
        var progress = new Progress<double>(p =>
        {
            if (!_started)
            {
                _started = true;
                _clock.Restart();
            }

            _progress = 100 * p;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            // The backlog moves on while the page is open: simulate from now, not from when the tab was opened.
            _current = await WhatIf.CurrentAsync(_cancel.Token);
            _result = await WhatIf.CompareAsync(_current, _proposal, progress, _cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _error = "Simulation cancelled.";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The page stays usable and says so; the details go to the log for whoever runs the service.
            Log.LogError(e, "What-if simulation failed");
            _error = "The simulation failed; nothing was changed. Try again, and tell your administrator if it happens again.";
        }
        finally
        {
            _running = false;
        }
    }

    private void Cancel() => _cancel?.Cancel();

    /// <summary>
    /// Where the run is: waiting its turn behind another simulation on this server, starting, or how far it has got and,
    /// from the pace so far, about how long is left.
    /// </summary>
    private string Status => (_started, _progress) switch
    {
        (false, _) when WhatIfService.Busy => "Waiting for another simulation on this server to finish…",
        (false, _) or (true, < 1) => "Starting…",
        (true, < 10) => $"Simulating… {(int)_progress} %",
        _ => $"Simulating… {(int)_progress} %, about {Remaining()} left",
    };

    private string Remaining()
    {
        var seconds = _clock.Elapsed.TotalSeconds * (100 - _progress) / _progress;
        return seconds < 60 ? $"{Math.Max(5, Math.Ceiling(seconds / 5) * 5):0} s" : $"{Math.Ceiling(seconds / 60):0} min";
    }

    public void Dispose()
    {
        _cancel?.Cancel();
        _cancel?.Dispose();
    }
}
