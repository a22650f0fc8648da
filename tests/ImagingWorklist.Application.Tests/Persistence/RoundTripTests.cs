using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Persistence;

public class RoundTripTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnExamComesBackExactlyAsItWasSaved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var exam = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromMinutes(95), Pathway.Emergency, Modality.CT, ClinicalPriority.Stat);
        exam.Claim(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromMinutes(20),
            Now.AddTicks(1234560)); // PostgreSQL keeps microseconds, so that is the precision both providers promise.
        await SaveAsync(database, [.. fixture.Organisations, exam]);

        await using var db = database.CreateDbContext();
        var loaded = await db.Exams.SingleAsync(e => e.Id == exam.Id);

        Assert.Equal(exam.Accession, loaded.Accession);
        Assert.Equal(exam.StudyInstanceUid, loaded.StudyInstanceUid);
        Assert.Equal(exam.Patient, loaded.Patient);
        Assert.Equal("943 476 5919", loaded.Patient.NhsNumber!.Formatted);
        Assert.Equal(ClinicalPriority.Stat, loaded.Priority);
        Assert.Equal(ExamState.Claimed, loaded.State);
        Assert.Equal(exam.DueAt, loaded.DueAt);
        Assert.Equal(exam.CurrentClaim, loaded.CurrentClaim);
        Assert.Equal(exam.Version, loaded.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnInvalidNhsNumberIsKeptAndFlaggedNotDropped(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var patient = new Patient("9434765918", "M42", "Jones", "Ian", new DateOnly(1970, 1, 1), Sex.Male);
        var exam = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromHours(1), patient: patient);
        await SaveAsync(database, [.. fixture.Organisations, exam]);

        await using var db = database.CreateDbContext();
        var loaded = await db.Exams.SingleAsync();

        Assert.Null(loaded.Patient.NhsNumber);
        Assert.Equal("9434765918", loaded.Patient.UnverifiedNhsNumber);
        Assert.True(loaded.Patient.HasInvalidNhsNumber);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReporterSkillsScopeAndShiftCoverSurviveTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var reporter = new Reporter(Guid.NewGuid(), "R One", ProfessionalRole.ReportingRadiographer, "RA000001", fixture.TrustA.Id,
            [new ReporterSkill(Skill.Musculoskeletal, 1), new ReporterSkill(Skill.Chest, 2)], ["DX:*", "CT:HEAD"]);
        var shift =
            new RotaShift(Guid.NewGuid(), reporter.Id, ShiftKind.InHoursSession, Now, Now.AddHours(5), CoverScope.Sites,
            [fixture.SiteA.Id, fixture.SiteB.Id], 240);
        await SaveAsync(database, [.. fixture.Organisations, reporter, shift]);

        await using var db = database.CreateDbContext();
        var loadedReporter = await db.Reporters.SingleAsync();
        var loadedShift = await db.RotaShifts.SingleAsync();

        Assert.Equal([Skill.Musculoskeletal, Skill.Chest], loadedReporter.Skills.Select(s => s.Skill));
        Assert.Equal(2, loadedReporter.LevelIn(Skill.Chest));
        Assert.True(loadedReporter.MayReport(Modality.CT, "HEAD"));
        Assert.False(loadedReporter.MayReport(Modality.MR, "HEAD"));
        Assert.True(loadedShift.Covers(fixture.TrustB.Id, fixture.SiteB.Id));
        Assert.Equal(Now.AddHours(5), loadedShift.End);
    }

    private static async Task SaveAsync(TestDatabase database, IEnumerable<object> entities)
    {
        await using var db = database.CreateDbContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }
}
