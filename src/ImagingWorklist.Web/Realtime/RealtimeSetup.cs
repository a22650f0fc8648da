using System.Text.Json;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace ImagingWorklist.Web.Realtime;

internal static class RealtimeSetup
{
    public const string ChangesChannel = "imagingworklist:changes";

    /// <summary>
    /// One instance: changes go straight to this instance's dispatcher and hub. Several instances (Redis:Configuration
    /// set): changes reach this instance's pages at once and go through Redis to every other instance's engine and
    /// pages; hub clients are reached through the SignalR Redis backplane. Redis being down never fails a change that
    /// has been committed: the link is marked down (pages say so), and when it returns each instance rebuilds its engine
    /// from the database and its pages re-read.
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

        // Start, and keep trying, while Redis is away: an instance serves its own users without it.
        signalR.AddStackExchangeRedis(redis, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal("imagingworklist-signalr");
            options.Configuration.AbortOnConnectFail = false;
            options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
        });

        // Blazor's circuits each live on one instance and need no backplane; kept off Redis, pages open and work while
        // Redis is down (the backplane would refuse every new connection).
        if (Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server") is { } circuits)
        {
            builder.Services.AddSingleton(typeof(HubLifetimeManager<>).MakeGenericType(circuits), typeof(DefaultHubLifetimeManager<>)
                .MakeGenericType(circuits));
        }

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;

            // Without a connection, fail at once rather than queue: a user's claim must not wait for Redis.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddSingleton<RedisNotifier>();
        builder.Services.AddSingleton<IWorklistNotifier>(sp => sp.GetRequiredService<RedisNotifier>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisNotifier>());
        return builder;
    }

    private sealed class LocalNotifier(WorklistChangeDispatcher dispatcher, IHubContext<WorklistHub, IWorklistClient> hub)
        : IWorklistNotifier
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
        WorklistEngineHost engine,
        InstanceLink link,
        IHubContext<WorklistHub, IWorklistClient> hub,
        ILogger<RedisNotifier> logger) : IWorklistNotifier, IHostedService
    {
        private static readonly RedisChannel Channel = RedisChannel.Literal(ChangesChannel);
        private int _resynchronising;
        private bool _subscribed;

        public async Task PublishAsync(WorklistChange change, CancellationToken cancellationToken = default)
        {
            // This instance's pages hear at once, whatever Redis is doing; the copy that comes back from Redis is skipped.
            await dispatcher.DispatchAsync(change, cancellationToken);
            if (link.Down)
            {
                // Nobody would hear it, and waiting for Redis would hold the user's click: the others catch up on return.
                return;
            }

            try
            {
                await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(change));
                await hub.Clients.All.WorklistChanged(WorklistChangedMessage.Of(change));
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException or AggregateException)
            {
                // The change is committed and stands; the other instances catch up when the link returns.
                LinkLost(exception.GetType().Name);
            }
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            redis.ConnectionFailed += (_, failed) => LinkLost(failed.FailureType.ToString());
            redis.ConnectionRestored += (_, _) => _ = ResynchroniseAsync();
            await SubscribeAsync();
        }

        public Task StopAsync(CancellationToken cancellationToken) =>
            _subscribed ? redis.GetSubscriber().UnsubscribeAsync(Channel) : Task.CompletedTask;

        private async Task SubscribeAsync()
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => Heard(message));
                _subscribed = true;
            }
            catch (RedisException exception)
            {
                LinkLost(exception.GetType().Name);
            }
        }

        private void Heard(RedisValue message)
        {
            if (message.IsNullOrEmpty || JsonSerializer.Deserialize<WorklistChange>(message.ToString()) is not { } change
                || change.Origin == engine.InstanceId)
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
        }

        private void LinkLost(string reason)
        {
            if (link.Lost())
            {
                logger.LogWarning(
                    "Redis unreachable ({Reason}): live updates between instances paused; " +
                    "this instance's own changes still reach its pages", reason);
            }
        }

        /// <summary>The link is back: changes made elsewhere meanwhile were not heard, so the engine is rebuilt and every page
        /// re-reads.</summary>
        private async Task ResynchroniseAsync()
        {
            if (!link.Down || Interlocked.Exchange(ref _resynchronising, 1) == 1)
            {
                return;
            }

            try
            {
                if (!_subscribed)
                {
                    await SubscribeAsync();
                }

                await engine.LoadAsync();
                link.Restored();
                logger.LogInformation("Redis reachable again: engine rebuilt from the database and live updates between instances resumed");
                var change = ChangeAnnouncer.Resynchronised(engine.InstanceId);
                await dispatcher.DispatchAsync(change);
                await hub.Clients.All.WorklistChanged(WorklistChangedMessage.Of(change));
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not resynchronise after Redis returned; trying again at its next reconnection");
            }
            finally
            {
                Interlocked.Exchange(ref _resynchronising, 0);
            }
        }
    }
}
