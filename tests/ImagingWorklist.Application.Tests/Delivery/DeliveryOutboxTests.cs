using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Tests.Reporting;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Delivery;

public class DeliveryOutboxTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheOutboxRetriesWithGrowingBackOffHandsEachRowToOneSenderAndRecordsTheDelivery(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        await world.SignAsync(consultant, "Normal.");
        var clock = world.World.Clock;

        var taken = await Task.WhenAll(world.Outbox.TakeDueAsync(10), world.Outbox.TakeDueAsync(10));
        var row = Assert.Single(taken.SelectMany(t => t));
        Assert.Empty(await world.Outbox.TakeDueAsync(10));

        await world.Outbox.RecordAsync(row.Id, DeliveryAttempt.Failure("MLLP 127.0.0.1:1", "Connection refused"));
        Assert.Empty(await world.Outbox.TakeDueAsync(10));
        clock.Advance(TimeSpan.FromSeconds(30));
        var second = Assert.Single(await world.Outbox.TakeDueAsync(10));
        await world.Outbox.RecordAsync(second.Id, DeliveryAttempt.Failure("MLLP 127.0.0.1:1", "Connection refused"));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(await world.Outbox.TakeDueAsync(10));
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = Assert.Single(await world.Outbox.TakeDueAsync(10));
        await world.Outbox.RecordAsync(third.Id, DeliveryAttempt.Success("MLLP 127.0.0.1:2", "MSH|...|ACK\rMSA|AA|IW1"));

        var listed = Assert.Single(await world.Outbox.ListAsync(undeliveredOnly: false));
        Assert.Equal((DeliveryStatus.Delivered, 3, "MLLP 127.0.0.1:2", (string?)null),
            (listed.Status, listed.Attempts, listed.Endpoint, listed.LastError));
        Assert.Empty(await world.Outbox.ListAsync(undeliveredOnly: true));
        Assert.Equal("This report was already delivered.", (await world.Outbox.RetryNowAsync(row.Id, new Actor("admin"))).Reason);
        Assert.Equal(TimeSpan.FromMinutes(30), new DeliverySettings().BackoffAfter(50));
    }
}
