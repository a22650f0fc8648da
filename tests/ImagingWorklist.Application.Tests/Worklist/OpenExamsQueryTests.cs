using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Worklist;

public class OpenExamsQueryTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheWorklistListsOnlyOpenExamsMostUrgentFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var routine = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromDays(3));
        var stat = fixture.ReadyExam(fixture.SiteB, Now, TimeSpan.FromMinutes(10), Pathway.Emergency, priority: ClinicalPriority.Stat);
        var urgent =
            fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromHours(5), Pathway.UrgentSuspectedCancer, priority: ClinicalPriority.Urgent);
        var asap = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromMinutes(20), Pathway.Emergency, priority: ClinicalPriority.Asap);
        var reported = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromHours(2), priority: ClinicalPriority.Stat);
        var holder = Guid.NewGuid();
        reported.Claim(holder, Guid.NewGuid(), TimeSpan.FromMinutes(20), Now.AddMinutes(-5));
        reported.Finalise(holder, Now.AddMinutes(-1));
        var cancelled = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromHours(2));
        cancelled.Cancel(Now);
        await using (var db = database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, routine, stat, urgent, asap, reported, cancelled]);
            await db.SaveChangesAsync();
        }

        var page = await new OpenExamsQuery(database, TestClock.Create())
            .PageAsync(new WorklistPageRequest(0, 50), ImagingWorklist.Application.Security.AccessScope.WholeNetwork);

        Assert.Equal(4, page.TotalCount);
        Assert.Equal([stat.Id, asap.Id, urgent.Id, routine.Id], page.Rows.Select(r => r.ExamId));
        Assert.Equal("Beta Royal", page.Rows[0].SiteName);
        Assert.Equal(66, page.Rows[0].PatientAgeYears);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PagesAreWindowsOverOneSortedOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var exams = Enumerable.Range(1, 25)
            .Select(i => fixture.ReadyExam(i % 2 == 0 ? fixture.SiteA : fixture.SiteB, Now, TimeSpan.FromMinutes(i * 37))).ToList();
        await using (var db = database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, .. exams]);
            await db.SaveChangesAsync();
        }

        var query = new OpenExamsQuery(database, TestClock.Create());
        var all =
            await query.PageAsync(new WorklistPageRequest(0, 100, WorklistSort.DueAt),
            ImagingWorklist.Application.Security.AccessScope.WholeNetwork);
        var first =
            await query.PageAsync(new WorklistPageRequest(0, 10, WorklistSort.DueAt),
            ImagingWorklist.Application.Security.AccessScope.WholeNetwork);
        var second =
            await query.PageAsync(new WorklistPageRequest(10, 10, WorklistSort.DueAt),
            ImagingWorklist.Application.Security.AccessScope.WholeNetwork);
        var descending =
            await query.PageAsync(new WorklistPageRequest(0, 100, WorklistSort.DueAt, Descending: true),
            ImagingWorklist.Application.Security.AccessScope.WholeNetwork);
        var bySite =
            await query.PageAsync(new WorklistPageRequest(0, 100, WorklistSort.Site),
            ImagingWorklist.Application.Security.AccessScope.WholeNetwork);

        Assert.Equal(25, all.TotalCount);
        Assert.Equal(all.Rows.Select(r => r.DueAt).Order(), all.Rows.Select(r => r.DueAt));
        Assert.Equal(all.Rows.Take(20).Select(r => r.ExamId), first.Rows.Concat(second.Rows).Select(r => r.ExamId));
        Assert.Equal(all.Rows.Select(r => r.ExamId).Reverse(), descending.Rows.Select(r => r.ExamId));
        Assert.Equal(bySite.Rows.Select(r => r.SiteName).Order(StringComparer.Ordinal), bySite.Rows.Select(r => r.SiteName));
    }

    [Fact]
    public async Task ANegativeOffsetIsAProgrammerError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new OpenExamsQuery(database, TestClock.Create())
            .PageAsync(new WorklistPageRequest(-1, 10), ImagingWorklist.Application.Security.AccessScope.WholeNetwork));
    }

    [Fact]
    public void AWorklistRowCarriesNoPatientNameOrIdentifier()
    {
        var fields = typeof(WorklistRow).GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain(fields, f => f.Contains("Name", StringComparison.Ordinal) && f.Contains("Patient", StringComparison.Ordinal));
        Assert.DoesNotContain(fields, f => f.Contains("Nhs", StringComparison.Ordinal) || f.Contains("Mrn", StringComparison.Ordinal)
            || f.Contains("Birth", StringComparison.Ordinal));
    }
}
