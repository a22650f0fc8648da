using System.Text.Json;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace ImagingWorklist.Web.Realtime;

/// <summary>The <c>Redis</c> settings: a StackExchange.Redis configuration string; empty for one instance.</summary>
internal sealed record RedisSettings : IStartupSettings
{
    public static string Section => "Redis";

    public string? Configuration { get; init; }
}

internal static class RealtimeSetup
{
    public const string ChangesChannel = "imagingworklist:changes";

    /// <summary>
    /// One instance: changes go straight to this instance's dispatcher and hub. Several instances (Redis:Configuration
    /// set): changes go through Redis, so every instance's engine and pages hear every change; hub clients are reached
    /// through the SignalR Redis backplane by the instance that made the change.
    /// </summary>
    public static IHostApplicationBuilder AddWorklistRealtime(this IHostApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        var redis = builder.Settings<RedisSettings>().Configuration;
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddSingleton<IWorklistNotifier, LocalNotifier>();
            return builder;
        }

        signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal("imagingworklist-signalr"));
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        builder.Services.AddSingleton<RedisNotifier>();
        builder.Services.AddSingleton<IWorklistNotifier>(sp => sp.GetRequiredService<RedisNotifier>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisNotifier>());
        return builder;
    }

    private sealed class LocalNotifier(WorklistChangeDispatcher dispatcher, IHubContext<WorklistHub, IWorklistClient> hub) : IWorklistNotifier
    {
        public async Task PublishAsync(WorklistChange change, CancellationToken cancellationToken = default)
        {
            await dispatcher.DispatchAsync(change, cancellationToken);
            await hub.Clients.All.WorklistChanged(WorklistChangedMessage.Of(change));
        }
    }

    private sealed class RedisNotifier(
        IConnectionMultiplexer redis,
        WorklistChangeDispatcher dispatcher,
        IHubContext<WorklistHub, IWorklistClient> hub,
        ILogger<RedisNotifier> logger) : IWorklistNotifier, IHostedService
    {
        private static readonly RedisChannel Channel = RedisChannel.Literal(ChangesChannel);

        public async Task PublishAsync(WorklistChange change, CancellationToken cancellationToken = default)
        {
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(change));
            await hub.Clients.All.WorklistChanged(WorklistChangedMessage.Of(change));
        }

        public async Task StartAsync(CancellationToken cancellationToken) =>
            await redis.GetSubscriber().SubscribeAsync(Channel, (channel, message) =>
            {
                if (message.IsNullOrEmpty || JsonSerializer.Deserialize<WorklistChange>(message.ToString()) is not { } change)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    try
                    {
                        await dispatcher.DispatchAsync(change);
                    }
                    catch (Exception exception)
                    {
                        logger.LogError(exception, "Could not apply a worklist change from Redis for exam {ExamId}", change.ExamId);
                    }
                });
            });

        public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel);
    }
}
