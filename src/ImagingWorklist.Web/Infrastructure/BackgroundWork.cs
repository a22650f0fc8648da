using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Reporting;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// Every half minute: release lapsed claims and withdraw those whose holder's credential lapsed, move the engine's clock so breaches and
/// ageing re-rank exams, and escalate
/// critical findings whose acknowledgement is overdue, and apply any HL7 message held while its order reached another
/// instance.
/// </summary>
internal sealed class BackgroundWork(ClaimService claims, WorklistEngineHost engine, CriticalFindings findings, Hl7Ingest ingest,
    ClaimSettings settings, TimeProvider clock, ILogger<BackgroundWork> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.ExpiryCheckInterval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                engine.Tick();
                var released = await claims.ExpireLeasesAsync(stoppingToken);
                if (released > 0)
                {
                    logger.LogInformation("Released {Count} claim(s) whose lease lapsed", released);
                }

                var withdrawn = await claims.WithdrawLapsedClaimsAsync(stoppingToken);
                if (withdrawn > 0)
                {
                    logger.LogInformation("Withdrew {Count} claim(s) whose holder's credential lapsed", withdrawn);
                }

                await findings.EscalateOverdueAsync(stoppingToken);
                await ingest.SettleHeldAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A passing database error must not stop lease expiry for good; the next tick tries again.
                logger.LogError(exception, "Lease expiry, engine tick, finding escalation or held-message check failed");
            }
        }
    }
}
