using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Application.Workitems;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Workitems;

public class UpsSubscriptionsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AStateEventReachesOnlyOpenChannelsThatSubscribedAndMaySeeTheTrust(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var subscriptions = new UpsSubscriptions(world.Database, world.Clock);
        var exam = world.Exams[0];
        string examTrust, otherTrust;
        await using (var db = world.Database.CreateDbContext())
        {
            var trusts = await db.Trusts.AsNoTracking().ToListAsync();
            examTrust = trusts.Single(t => t.Id == exam.TrustId).OdsCode.Value;
            otherTrust = trusts.First(t => t.Id != exam.TrustId).OdsCode.Value;
        }

        Assert.True((await subscriptions.SubscribeAsync("ris", "RIS_AE", exam.Id, AccessScope.WholeNetwork)).Succeeded);
        Assert.True((await subscriptions.SubscribeAsync("pacs", "PACS_AE", null, AccessScope.WholeNetwork)).Succeeded);
        Assert.True((await subscriptions.SubscribeAsync("elsewhere", "OTHER_AE", null, AccessScope.ForTrusts([otherTrust]))).Succeeded);
        Assert.True((await subscriptions.SubscribeAsync("local", "LOCAL_AE", null, AccessScope.ForTrusts([examTrust]))).Succeeded);

        var update = await subscriptions.StateEventAsync(exam.Id,
        [
            ("ris", "RIS_AE", AccessScope.WholeNetwork),
            ("pacs", "PACS_AE", AccessScope.WholeNetwork),
            ("elsewhere", "OTHER_AE", AccessScope.ForTrusts([otherTrust])),
            ("local", "LOCAL_AE", AccessScope.ForTrusts([examTrust])),
            ("stranger", "NOT_SUBSCRIBED", AccessScope.WholeNetwork),
        ]);

        Assert.NotNull(update);
        Assert.Equal(ExamState.Ready, update.State);
        Assert.Equal([("local", "LOCAL_AE"), ("pacs", "PACS_AE"), ("ris", "RIS_AE")], update.Recipients.Order());
        Assert.Null(await subscriptions.StateEventAsync(Guid.NewGuid(), [("ris", "RIS_AE", AccessScope.WholeNetwork)]));
    }
}
