using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImagingWorklist.Application.Tests.Reporting;

/// <summary>
/// The claiming world (two neuro consultants credentialed for both trusts, three ready CT head exams) plus a neuro
/// registrar on duty and the reporting services, over a real database with a fake clock.
/// </summary>
internal sealed class ReportingWorld : IAsyncDisposable
{
    private ReportingWorld(ClaimingWorld world, Reporter registrar)
    {
        World = world;
        Registrar = registrar;
        var announce = world.Announce;
        Reports =
            new ReportingService(world.Database, announce, world.Claims, new ClaimSettings(), world.Clock,
            NullLogger<ReportingService>.Instance);
        Consults = new Consults(world.Database, announce, world.Clock);
        Findings =
            new CriticalFindings(world.Database, announce, new CriticalFindingPolicy(), world.Clock, NullLogger<CriticalFindings>.Instance);
        Tasks = new ReportingTasks(world.Database, world.Engine, world.Clock);
        Query = new ReportingQuery(world.Database);
        Outbox = new DeliveryOutbox(world.Database, announce, new DeliverySettings(), world.Clock, NullLogger<DeliveryOutbox>.Instance);
    }

    public ClaimingWorld World { get; }

    public Reporter Registrar { get; }

    public ReportingService Reports { get; }

    public Consults Consults { get; }

    public CriticalFindings Findings { get; }

    public ReportingTasks Tasks { get; }

    public ReportingQuery Query { get; }

    public DeliveryOutbox Outbox { get; }

    public Exam Exam => World.Exams[0];

    public Reporter Consultant(int index) => World.Reporters[index];

    public Actor RegistrarActor => new(Registrar.DisplayName, Registrar.Id);

    public static async Task<ReportingWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = await ClaimingWorld.CreateAsync(provider);
        var now = world.Clock.GetUtcNow();
        var registrar = new Reporter(Guid.NewGuid(), "Dr Registrar", ProfessionalRole.Registrar, "GMC77777", world.Reporters[0].HomeTrustId,
            [new ReporterSkill(Skill.Neuro, 2)], ["CT:*"]);
        await using (var db = world.Database.CreateDbContext())
        {
            var trusts = await db.Trusts.Select(t => t.Id).ToListAsync();
            db.Reporters.Add(registrar);
            db.Credentials.AddRange(trusts.Select(t => new Credential(Guid.NewGuid(), registrar.Id, t, now.AddYears(-1), null)));
            db.RotaShifts.Add(
                new RotaShift(Guid.NewGuid(), registrar.Id, ShiftKind.InHoursSession, now.AddHours(-2), now.AddHours(6),
                CoverScope.Network, [], 100_000));
            await db.SaveChangesAsync();
        }

        await world.Engine.RefreshReportersAsync(registrar.Id);
        return new ReportingWorld(world, registrar);
    }

    /// <summary>The reporter claims the first exam and writes a draft.</summary>
    public async Task<Claim> ClaimAndDraftAsync(Reporter reporter, string text)
    {
        var actor = new Actor(reporter.DisplayName, reporter.Id);
        var claimed = await World.Claims.ClaimAsync(Exam.Id, reporter.Id, actor);
        Assert.True(claimed.Succeeded, claimed.Reason);
        var claim = claimed.Value!;
        var saved = await Reports.SaveDraftAsync(Exam.Id, reporter.Id, text, actor);
        Assert.True(saved.Succeeded, saved.Reason);
        return claim;
    }

    /// <summary>The reporter claims the first exam, writes and signs (a registrar's signature sends it for verification).</summary>
    public async Task SignAsync(Reporter reporter, string text)
    {
        await ClaimAndDraftAsync(reporter, text);
        var signed = await Reports.SignAsync(Exam.Id, reporter.Id, Exam.Patient, As(reporter));
        Assert.True(signed.Succeeded, signed.Reason);
    }

    public Actor As(Reporter reporter) => new(reporter.DisplayName, reporter.Id);

    public async Task<Exam> StoredExamAsync()
    {
        await using var db = World.Database.CreateDbContext();
        return await db.Exams.AsNoTracking().SingleAsync(e => e.Id == Exam.Id);
    }

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
