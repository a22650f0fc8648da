using System.Diagnostics.Metrics;
using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// What the people on call watch, as gauges: the open pool from this instance's engine (read at each scrape, in memory),
/// and the outbox, unacknowledged alerts and overdue follow-ups from the database (sampled every 15 seconds, so a scrape
/// never waits on a query), and the Blazor circuits open on this instance.
/// </summary>
internal sealed class OperationsGauges : BackgroundService
{
    public const string MeterName = "ImagingWorklist.Operations";

    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);
    private readonly OperationsQuery _operations;
    private readonly TimeProvider _clock;
    private readonly ILogger<OperationsGauges> _logger;
    private readonly Meter _meter = new(MeterName);
    private OperationsSnapshot _sample = new(0, TimeSpan.Zero, 0, 0);

    public OperationsGauges(OperationsQuery operations, WorklistEngineHost engine, OpenCircuits circuits, TimeProvider clock,
        ILogger<OperationsGauges> logger)
    {
        (_operations, _clock, _logger) = (operations, clock, logger);
        _meter.CreateObservableGauge("worklist.backlog.open", () => Pool(engine, s =>
            Enum.GetValues<UrgencyClass>()
                .Select(c => new Measurement<int>(s.UnclaimedByClass[(int)c], new KeyValuePair<string, object?>("class", c.ToString())))),
            description: "Unclaimed open exams by urgency class");
        _meter.CreateObservableGauge("worklist.backlog.claimed", () => Pool<int>(engine, s => [new Measurement<int>(s.Claimed)]),
            description: "Exams claimed and not yet reported");
        _meter.CreateObservableGauge("worklist.backlog.past_due", () => Pool<int>(engine, s => [new Measurement<int>(s.PastDue)]),
            description: "Unclaimed exams past their due time");
        _meter.CreateObservableGauge("worklist.backlog.oldest_wait",
            () => Pool<double>(engine, s => [new Measurement<double>(s.OldestWait.TotalSeconds)]), "s",
            "The longest an unclaimed exam has waited since it was ready");
        _meter.CreateObservableGauge("worklist.outbox.depth", () => _sample.OutboxDepth,
            description: "Signed reports not yet accepted by their trust");
        _meter.CreateObservableGauge("worklist.outbox.oldest_age", () => _sample.OldestUndelivered.TotalSeconds, "s",
            "Age of the oldest report not yet delivered");
        _meter.CreateObservableGauge("worklist.findings.unacknowledged", () => _sample.UnacknowledgedAlerts,
            description: "Alerts not yet acknowledged");
        _meter.CreateObservableGauge("worklist.follow_ups.overdue", () => _sample.OverdueFollowUps,
            description: "Open follow-up recommendations past their date");
        _meter.CreateObservableGauge("worklist.circuits", () => circuits.Count, description: "Blazor circuits open on this instance");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, _clock);
        do
        {
            try
            {
                _sample = await _operations.SnapshotAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // A database that cannot be reached shows on /health/ready; the gauges keep their last values.
                _logger.LogWarning("Operations gauges not sampled: {Reason}", failure.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    private static IEnumerable<Measurement<T>> Pool<T>(WorklistEngineHost engine, Func<PoolSummary, IEnumerable<Measurement<T>>> read)
        where T : struct => engine.Summarise() is { } summary ? read(summary) : [];
}
