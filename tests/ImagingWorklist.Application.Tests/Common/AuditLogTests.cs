using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Common;

public class AuditLogTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAuditRowNamesTheActorTheirSourceAndWhatWasDoneAndCommitsWithTheChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.Create();
        var exam = Guid.NewGuid();
        await using (var db = database.CreateDbContext())
        {
            db.Audit(new Actor("dr.jones", Guid.NewGuid(), "10.2.3.4"), AuditAction.ExamHeld, clock.GetUtcNow(), "Held ACC1", examId: exam,
                reason: "Awaiting priors");
            Assert.Empty(await db.AuditEvents.AsNoTracking().ToListAsync());
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateDbContext();
        var row = await read.AuditEvents.SingleAsync();
        Assert.Equal(("dr.jones", "10.2.3.4", AuditAction.ExamHeld, "Held ACC1", exam, (Guid?)null, "Awaiting priors"),
            (row.Actor, row.Source, row.Action, row.Detail, row.ExamId.GetValueOrDefault(), row.TrustId, row.Reason));
        Assert.Equal(clock.GetUtcNow(), row.At);
    }
}
