using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Claiming;

/// <summary>What the engine offered at each claim is kept and compared with what was taken, on both providers (decision 0025).</summary>
public sealed class ClaimOfferTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EachClaimKeepsWhereTheExamStoodOnTheListAndActivityComparesTakenWithOffered(DatabaseProvider provider)
    {
        // Three exams of three patients, so one reporter's claim does not take the others off a colleague's list.
        await using var world = await ClaimingWorld.CreateAsync(provider, exams: 1);
        await using (var db = world.Database.CreateDbContext())
        {
            var site = await db.Sites.SingleAsync(s => s.Id == world.Exams[0].SiteId);
            foreach (var (mrn, ago) in new[] { ("M0000101", 40), ("M0000102", 30) })
            {
                var exam = new NetworkFixture().ReadyExam(site, world.Clock.GetUtcNow(), TimeSpan.FromMinutes(ago),
                    patient: new Domain.Exams.Patient(null, mrn, "Other", "Patient", new DateOnly(1970, 1, 1), Domain.Exams.Sex.Male),
                    accession: $"OFFER{ago}");
                db.Exams.Add(exam);
                world.Exams.Add(exam);
            }

            await db.SaveChangesAsync();
        }

        await world.Engine.LoadAsync();
        var (picker, follower) = (world.Reporters[0], world.Reporters[1]);
        var list = world.Engine.RankedFor(picker.Id);
        var (first, last) = (list[0].Exam, list[^1].Exam);
        Assert.Equal(3, list.Count);

        Assert.True((await world.Claims.ClaimAsync(last.Id, picker.Id, world.As(0))).Succeeded);
        Assert.True((await world.Claims.ClaimAsync(first.Id, follower.Id, world.As(1))).Succeeded);

        await using (var db = world.Database.CreateDbContext())
        {
            var offers = await db.ClaimOffers.AsNoTracking().ToListAsync();
            var picked = offers.Single(o => o.ReporterId == picker.Id);
            Assert.Equal((last.Id, 3, last.ExpectedMinutes, first.ExpectedMinutes),
                (picked.ExamId, picked.Rank!.Value, picked.TakenMinutes, picked.FirstMinutes!.Value));
            Assert.Equal(1, offers.Single(o => o.ReporterId == follower.Id).Rank);
        }

        var now = world.Clock.GetUtcNow();
        var activity = new ReporterActivityQuery(world.Database);
        var report = await activity.ReportAsync(now.AddDays(-1), now.AddSeconds(1), AccessScope.WholeNetwork);
        var pickerRow = report.Rows.Single(r => r.ReporterId == picker.Id);
        var followerRow = report.Rows.Single(r => r.ReporterId == follower.Id);
        Assert.Equal((1, 0, 0.0), (pickerRow.Claims, pickerRow.TookFirst, pickerRow.FirstShare!.Value));
        Assert.Equal((1, 1, 1.0), (followerRow.Claims, followerRow.TookFirst, followerRow.FirstShare!.Value));
        Assert.Equal((double)last.ExpectedMinutes / first.ExpectedMinutes, pickerRow.TakenToOffered!.Value, 9);

        // Claims on exams outside the viewer's trusts are not counted.
        var outside = await activity.ReportAsync(now.AddDays(-1), now.AddSeconds(1), AccessScope.ForTrusts(["NOSUCH"]));
        Assert.DoesNotContain(outside.Rows, r => r.Claims > 0);
    }
}
