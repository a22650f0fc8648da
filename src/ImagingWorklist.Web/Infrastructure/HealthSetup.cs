using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImagingWorklist.Web.Infrastructure;

internal static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddWorklistHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<InstanceLinkHealthCheck>("instances", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// /health/live: the process answers. /health/ready: it can also reach its database (503 when not); "Degraded" (still
    /// 200, it serves its users correctly) while it cannot hear the other instances through Redis.
    /// </summary>
    public static WebApplication MapWorklistHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return app;
    }

    private sealed class InstanceLinkHealthCheck(InstanceLink link) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(link.DownSince is { } since
                ? HealthCheckResult.Degraded($"Redis unreachable since {since:O}: live updates between instances paused")
                : HealthCheckResult.Healthy("Hears the other instances (or runs alone)"));
    }

    private sealed class DatabaseHealthCheck(IDbContextFactory<WorklistDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
                : HealthCheckResult.Unhealthy($"{db.Database.ProviderName} unreachable");
        }
    }
}
