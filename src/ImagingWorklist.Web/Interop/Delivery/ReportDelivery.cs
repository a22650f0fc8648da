using ImagingWorklist.Application.Delivery;

namespace ImagingWorklist.Web.Interop.Delivery;

/// <summary>
/// Delivers the report outbox: every few seconds it takes the due rows, has <see cref="ReportSender"/> send each, and
/// records the answer. Anything but an HL7 AA/CA or an HTTP 2xx is a failure that is retried with back-off; nothing
/// is dropped.
/// </summary>
internal sealed class ReportDelivery(DeliveryOutbox outbox, ReportSender sender, DeliverySettings settings, TimeProvider clock,
    ILogger<ReportDelivery> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.PollInterval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var row in await outbox.TakeDueAsync(20, stoppingToken))
                {
                    var attempt = await sender.AttemptAsync(row, stoppingToken);
                    await outbox.RecordAsync(row.Id, attempt, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database outage must not stop delivery for good: held rows unlock themselves and the next tick retries.
                logger.LogError(exception, "Report delivery pass failed");
            }
        }
    }
}
