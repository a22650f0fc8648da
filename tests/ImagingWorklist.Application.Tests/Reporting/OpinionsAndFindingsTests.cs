using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Reporting;

public class OpinionsAndFindingsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APoolQuestionReachesEverySuitableConsultantAndTheAnswerReachesTheAsker(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        await world.ClaimAndDraftAsync(world.Registrar, "?infarct");
        var specialist = world.Consultant(1);

        // Nobody who is not working on the exam may ask about it.
        Assert.False((await world.Consults.AskAsync(world.Exam.Id, specialist.Id, null, Skill.Neuro, "?", world.As(specialist))).Succeeded);

        var asked =
            await world.Consults.AskAsync(world.Exam.Id, world.Registrar.Id, null, Skill.Neuro, "Is this an acute infarct?",
            world.RegistrarActor);
        Assert.True(asked.Succeeded, asked.Reason);

        var task = Assert.Single(await world.Tasks.ForAsync(specialist.Id));
        Assert.Equal((ReportingTaskKind.Consult, world.Exam.Id, "Is this an acute infarct?", "Dr Registrar"),
            (task.Kind, task.ExamId, task.Question, task.From));
        Assert.Single(await world.Tasks.ForAsync(world.Consultant(0).Id));
        Assert.Empty(await world.Tasks.ForAsync(world.Registrar.Id));

        // While the question is open the specialist may open the exam (a need to know), and only then.
        await using (var db = world.World.Database.CreateDbContext())
        {
            var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == world.Exam.Id);
            var access = await ReportingAccess.ForAsync(db, exam, specialist.Id, world.World.Clock.GetUtcNow(), CancellationToken.None);
            Assert.Equal([asked.Value], access.ConsultsToAnswer);
            Assert.True(access.MayOpen);
        }

        Assert.True((await world.Consults.AnswerAsync(asked.Value, specialist.Id, "Yes: acute left MCA infarct.", world.As(specialist)))
            .Succeeded);
        Assert.Contains(world.World.Announced, c => c.Kind == WorklistChangeKind.ReportingChanged && c.ReporterId == world.Registrar.Id);
        Assert.Equal("This question has already been answered.",
            (await world.Consults.AnswerAsync(asked.Value, world.Consultant(0).Id, "No.", world.As(world.Consultant(0)))).Reason);
        var mine = Assert.Single(await world.Tasks.AskedByAsync(world.Registrar.Id));
        Assert.Equal((ConsultStatus.Answered, "Dr Reporter 2", "Yes: acute left MCA infarct."),
            (mine.Status, mine.AnsweredBy, mine.Answer));
        Assert.Empty(await world.Tasks.ForAsync(specialist.Id));
        Assert.Equal("Dr Reporter 2", (await world.Query.LoadAsync(world.Exam.Id)).Consults.Single().AnsweredBy);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ANamedQuestionNeedsACredentialedColleagueAndReachesOnlyThem(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var asker = world.Consultant(0);
        await world.ClaimAndDraftAsync(asker, "x");
        var named = world.Consultant(1);

        // Consultants only (not the registrar), not the asker themselves.
        Assert.Equal([named.Id], (await world.Consults.CandidatesAsync(world.Exam.Id, asker.Id, Skill.Neuro)).Select(c => c.Id));
        Assert.Contains("No other consultant",
            (await world.Consults.AskAsync(world.Exam.Id, asker.Id, null, Skill.Breast, "?", world.As(asker))).Reason);
        Assert.Equal("There is no such reporter.",
            (await world.Consults.AskAsync(world.Exam.Id, asker.Id, Guid.NewGuid(), Skill.Neuro, "?", world.As(asker))).Reason);

        var asked =
            await world.Consults.AskAsync(world.Exam.Id, asker.Id, named.Id, Skill.Neuro, "Second opinion please.", world.As(asker));
        Assert.True(asked.Succeeded, asked.Reason);
        Assert.Single(await world.Tasks.ForAsync(named.Id));
        Assert.Empty(await world.Tasks.ForAsync(world.Registrar.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACriticalFindingStaysOpenIsEscalatedWhenNotAcknowledgedInTimeAndClosesOnAcknowledgement(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        await world.ClaimAndDraftAsync(consultant, "Large acute subdural haematoma.");
        var clock = world.World.Clock;

        var raised =
            await world.Findings.RaiseAsync(world.Exam.Id, consultant.Id, FindingCategory.Critical, "Acute subdural with midline shift",
            null,
            new Communication("Dr A Khan, ED registrar", CommunicationMethod.Telephone, clock.GetUtcNow()), world.As(consultant));
        Assert.True(raised.Succeeded, raised.Reason);
        Assert.False(
            (await world.Findings.RaiseAsync(world.Exam.Id, world.Registrar.Id, FindingCategory.Critical, "x", null,
            new Communication("y", CommunicationMethod.Telephone, clock.GetUtcNow()), world.RegistrarActor)).Succeeded);

        var alert = Assert.Single(await world.Findings.AlertsAsync(AccessScope.WholeNetwork));
        Assert.Equal((clock.GetUtcNow().AddHours(1), "Dr Reporter 1"), (alert.AcknowledgeBy, alert.RaisedBy));

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await world.Findings.EscalateOverdueAsync());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await world.Findings.EscalateOverdueAsync());
        Assert.Equal(0, await world.Findings.EscalateOverdueAsync());
        Assert.NotNull(Assert.Single(await world.Findings.AlertsAsync(AccessScope.WholeNetwork)).EscalatedAt);

        // A manager limited to the other trust cannot see or close it; one for this trust can.
        var otherTrust = world.Exam.TrustId == (await TrustIdAsync(world, "RTA")) ? "RTB" : "RTA";
        var ownTrust = otherTrust == "RTA" ? "RTB" : "RTA";
        Assert.Empty(await world.Findings.AlertsAsync(AccessScope.ForTrusts([otherTrust])));
        Assert.False(
            (await world.Findings.AcknowledgeAsync(raised.Value, "Dr Khan", clock.GetUtcNow(), new Actor("manager"),
            AccessScope.ForTrusts([otherTrust]))).Succeeded);
        Assert.True(
            (await world.Findings.AcknowledgeAsync(raised.Value, "Dr A Khan, ED registrar", clock.GetUtcNow(), new Actor("manager"),
            AccessScope.ForTrusts([ownTrust]))).Succeeded);

        Assert.Empty(await world.Findings.AlertsAsync(AccessScope.WholeNetwork));
        Assert.Equal("Dr A Khan, ED registrar", Assert.Single(await world.Findings.AlertsAsync(AccessScope.WholeNetwork, world.Exam.Id))
            .AcknowledgedBy);
        await using var db = world.World.Database.CreateDbContext();
        var actions = await db.AuditEvents.Where(a => a.ExamId == world.Exam.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditAction.CritNotification, actions);
        Assert.Contains(AuditAction.CritEscalated, actions);
        Assert.Contains(AuditAction.CritAcknowledged, actions);
    }

    private static async Task<Guid> TrustIdAsync(ReportingWorld world, string ods)
    {
        await using var db = world.World.Database.CreateDbContext();
        var trusts = await db.Trusts.AsNoTracking().ToListAsync();
        return trusts.Single(t => t.OdsCode.Value == ods).Id;
    }
}
