using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Reporting;

public class ReportingServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ADraftSurvivesLeaseExpiryAndGoesWithTheExamWhenReassigned(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var first = world.Consultant(0);
        var second = world.Consultant(1);
        await world.ClaimAndDraftAsync(first, "Findings: small");

        // The lease lapses and the sweeper returns the exam to the pool: the draft stays with the exam.
        world.World.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(1, await world.World.Claims.ExpireLeasesAsync());
        Assert.Equal("Findings: small", (await world.Query.LoadAsync(world.Exam.Id)).Working!.Text);

        // Typing on takes the claim up again rather than losing the keystrokes.
        var resumed = await world.Reports.SaveDraftAsync(world.Exam.Id, first.Id, "Findings: small vessel disease.", world.As(first));
        Assert.True(resumed.Succeeded, resumed.Reason);
        Assert.Contains("lapsed", resumed.Value!.Notice);
        Assert.Equal((ExamState.Claimed, first.Id),
            ((await world.StoredExamAsync()).State, (await world.StoredExamAsync()).ClaimedById!.Value));

        // A manager reassigns: the new holder continues the same draft, which remembers its author.
        Assert.True((await world.World.Claims.ReassignAsync(world.Exam.Id, second.Id, "Dr Reporter 1 called away", new Actor("manager")))
            .Succeeded);
        var handedOver = (await world.Query.LoadAsync(world.Exam.Id)).Working!;
        Assert.Equal(("Findings: small vessel disease.", "Dr Reporter 1"), (handedOver.Text, handedOver.Author));
        Assert.True(
            (await world.Reports.SaveDraftAsync(world.Exam.Id, second.Id, "Findings: small vessel disease. No acute infarct.",
            world.As(second))).Succeeded);

        // The first reporter's late save does not overwrite the new holder's text, and says who holds it.
        var late = await world.Reports.SaveDraftAsync(world.Exam.Id, first.Id, "stale text", world.As(first));
        Assert.False(late.Succeeded);
        Assert.Contains("Dr Reporter 2 holds exam", late.Reason);
        var working = (await world.Query.LoadAsync(world.Exam.Id)).Working!;
        Assert.Equal(("Findings: small vessel disease. No acute infarct.", "Dr Reporter 1", "Dr Reporter 2"),
            (working.Text, working.Author, working.LastEditedBy));
        await using var db = world.World.Database.CreateDbContext();
        Assert.Equal(1, await db.Reports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AConsultantsSignatureIsFinalAuditedQueuedForTheTrustAndOnlyAnAddendumFollows(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        await world.ClaimAndDraftAsync(consultant, "No acute intracranial abnormality.");
        world.World.Clock.Advance(TimeSpan.FromMinutes(7));

        var signed = await world.Reports.SignAsync(world.Exam.Id, consultant.Id, world.Exam.Patient, world.As(consultant));

        Assert.Equal(SignResult.Final, signed.ValueOrThrow());
        var exam = await world.StoredExamAsync();
        Assert.Equal((ExamState.Final, world.World.Clock.GetUtcNow()), (exam.State, exam.ReportedAt!.Value));
        Assert.Null(exam.CurrentClaim);
        Assert.DoesNotContain(world.World.Engine.RankedFor(world.Consultant(1).Id), r => r.Exam.Id == exam.Id);
        Assert.Contains(world.World.Announced, c => c.Kind == WorklistChangeKind.ExamReported && c.ExamId == exam.Id);

        // A final report cannot be edited: neither as a draft nor by signing again.
        Assert.False((await world.Reports.SaveDraftAsync(exam.Id, consultant.Id, "changed", world.As(consultant))).Succeeded);
        Assert.False((await world.Reports.SignAsync(exam.Id, consultant.Id, exam.Patient, world.As(consultant))).Succeeded);

        // An addendum is a second signed report; the original is untouched.
        Assert.True(
            (await world.Reports.AddAddendumAsync(exam.Id, consultant.Id, "On review, a small left frontal contusion.", exam.Patient,
            world.As(consultant))).Succeeded);
        Assert.Equal(ExamState.Amended, (await world.StoredExamAsync()).State);
        var reporting = await world.Query.LoadAsync(exam.Id);
        Assert.Equal(["No acute intracranial abnormality.", "On review, a small left frontal contusion."],
            reporting.Signed.Select(r => r.Text));
        Assert.Equal([ReportStatus.Final, ReportStatus.Addendum], reporting.Signed.Select(r => r.Status));

        await using var db = world.World.Database.CreateDbContext();
        var actions = await db.AuditEvents.Where(a => a.ExamId == exam.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditAction.Reported, actions);
        Assert.Contains(AuditAction.ReportCorrected, actions);
        var outbox = await db.OutboundReports.OrderBy(o => o.CreatedAt).ToListAsync();
        Assert.Equal(["Final", "Addendum"], outbox.Select(o => o.Kind));
        Assert.All(outbox, o => Assert.Equal((DeliveryStatus.Pending, exam.TrustId), (o.Status, o.TrustId)));

        // The snapshot renders as a well-formed ORU^R01 that says what was signed.
        var message =
            Hl7Message.Parse(Hl7ReportMessage.Build(ReportDocument.FromJson(outbox[0].Document), "IW1", world.World.Clock.GetUtcNow()))
            .ValueOrThrow();
        Assert.Equal("ORU^R01", message.MessageType);
        Assert.Equal((exam.Accession.Value, "F", "CT"), (message.Value("OBR", 18), message.Value("OBR", 25), message.Value("OBR", 24)));
        Assert.Equal(("9434765919", "TEST"), (message.Value("PID", 3), message.Value("PID", 5).ToUpperInvariant()));
        Assert.Equal("No acute intracranial abnormality.", message.Value("OBX", 5));
        var addendum =
            Hl7Message.Parse(Hl7ReportMessage.Build(ReportDocument.FromJson(outbox[1].Document), "IW2", world.World.Clock.GetUtcNow()))
            .ValueOrThrow();
        Assert.Equal(("C", "ADDENDUM"), (addendum.Value("OBR", 25), addendum.Value("OBX", 5)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARegistrarsReportGoesToEligibleConsultantsAndTheClockStopsAtVerification(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var registrar = world.Registrar;
        await world.ClaimAndDraftAsync(registrar, "Acute infarct.");
        world.World.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(SignResult.AwaitingVerification,
            (await world.Reports.SignAsync(world.Exam.Id, registrar.Id, world.Exam.Patient, world.RegistrarActor)).ValueOrThrow());
        var waiting = await world.StoredExamAsync();
        Assert.Equal(ExamState.AwaitingVerification, waiting.State);
        Assert.Null(waiting.ReportedAt);

        // Both neuro consultants see it in their queue; the registrar does not, and cannot verify their own report.
        Assert.Contains(await world.Tasks.ForAsync(world.Consultant(0).Id), t => t.Kind == ReportingTaskKind.Verification
            && t.ExamId == waiting.Id && t.From == "Dr Registrar");
        Assert.Contains(await world.Tasks.ForAsync(world.Consultant(1).Id), t => t.ExamId == waiting.Id);
        Assert.Empty(await world.Tasks.ForAsync(registrar.Id));
        Assert.False((await world.Reports.VerifyAsync(waiting.Id, registrar.Id, null, waiting.Patient, world.RegistrarActor)).Succeeded);
        Assert.Empty(await CountOutboxAsync(world));

        world.World.Clock.Advance(TimeSpan.FromMinutes(30));
        var verifier = world.Consultant(1);
        Assert.True(
            (await world.Reports.VerifyAsync(waiting.Id, verifier.Id, "Acute left MCA territory infarct.", waiting.Patient,
            world.As(verifier))).Succeeded);

        var verified = await world.StoredExamAsync();
        Assert.Equal((ExamState.Final, world.World.Clock.GetUtcNow()), (verified.State, verified.ReportedAt!.Value));
        var report = (await world.Query.LoadAsync(verified.Id)).Signed.Single();
        Assert.Equal(("Acute left MCA territory infarct.", "Acute infarct.", true, "Dr Reporter 2", "Dr Registrar"),
            (report.Text, report.SubmittedText, report.EditedInVerification, report.VerifiedBy, report.SubmittedBy));
        var document = ReportDocument.FromJson((await CountOutboxAsync(world)).Single().Document);
        Assert.Equal(("Dr Registrar", "Dr Reporter 2", DeliveryKind.Final), (document.ReporterName, document.VerifierName, document.Kind));

        // The other consultant is too late: the exam changed under them.
        Assert.False(
            (await world.Reports.VerifyAsync(verified.Id, world.Consultant(0).Id, null, verified.Patient, world.As(world.Consultant(0))))
            .Succeeded);
        await using var db = world.World.Database.CreateDbContext();
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.ReportVerified
            && a.Detail.StartsWith("Verified with changes", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AConsultantWithoutACredentialForTheTrustNeitherSeesNorVerifiesTheReport(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        await world.SignAsync(world.Registrar, "Normal.");
        var outsider = world.Consultant(1);
        await using (var db = world.World.Database.CreateDbContext())
        {
            db.Credentials.RemoveRange(db.Credentials.Where(c => c.ReporterId == outsider.Id && c.TrustId == world.Exam.TrustId));
            await db.SaveChangesAsync();
        }

        Assert.Empty(await world.Tasks.ForAsync(outsider.Id));
        var refused = await world.Reports.VerifyAsync(world.Exam.Id, outsider.Id, null, world.Exam.Patient, world.As(outsider));
        Assert.Equal("Only a consultant with the exam's skill and a valid credential for its trust may verify this report.",
            refused.Reason);
        Assert.Equal(ExamState.AwaitingVerification, (await world.StoredExamAsync()).State);
        Assert.Single(await world.Tasks.ForAsync(world.Consultant(0).Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AReturnedReportIsBackWithTheRegistrarWhoIsTold(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        await world.SignAsync(world.Registrar, "Normal.");
        var consultant = world.Consultant(0);

        Assert.Contains("Say what needs changing",
            (await world.Reports.ReturnAsync(world.Exam.Id, consultant.Id, " ", world.As(consultant))).Reason);
        Assert.True((await world.Reports.ReturnAsync(world.Exam.Id, consultant.Id, "Mention the old infarct.", world.As(consultant)))
            .Succeeded);

        var exam = await world.StoredExamAsync();
        Assert.Equal((ExamState.Claimed, world.Registrar.Id), (exam.State, exam.ClaimedById!.Value));
        var working = (await world.Query.LoadAsync(exam.Id)).Working!;
        Assert.Equal((ReportStatus.Draft, "Mention the old infarct."), (working.Status, working.ReturnComment));
        Assert.Contains(world.World.Announced, c => c.Kind == WorklistChangeKind.ReportingChanged && c.ReporterId == world.Registrar.Id);
        Assert.True((await world.Reports.SaveDraftAsync(exam.Id, world.Registrar.Id, "Normal. Old left MCA infarct.", world.RegistrarActor))
            .Succeeded);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NothingIsSignedWhenTheTrustChangedThePatientAfterTheReporterLooked(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        await world.ClaimAndDraftAsync(consultant, "Normal.");
        var seen = world.Exam.Patient;
        await using (var db = world.World.Database.CreateDbContext())
        {
            var exam = await db.Exams.SingleAsync(e => e.Id == world.Exam.Id);
            exam.CorrectPatient(new Patient("9434765919", seen.LocalMrn, "Merged", "Patient", seen.DateOfBirth, seen.Sex),
                world.World.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var signed = await world.Reports.SignAsync(world.Exam.Id, consultant.Id, seen, world.As(consultant));

        Assert.False(signed.Succeeded);
        Assert.Contains("patient details", signed.Reason);
        Assert.Equal(ExamState.Claimed, (await world.StoredExamAsync()).State);
        Assert.Empty(await CountOutboxAsync(world));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APreliminaryReportIsIssuedAndDeliveredButTheExamStaysWithItsReporter(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        await world.ClaimAndDraftAsync(consultant, "Large left pneumothorax.");

        Assert.True((await world.Reports.IssuePreliminaryAsync(world.Exam.Id, consultant.Id, world.Exam.Patient, world.As(consultant)))
            .Succeeded);

        var exam = await world.StoredExamAsync();
        Assert.Equal((ExamState.Preliminary, consultant.Id), (exam.State, exam.ClaimedById!.Value));
        Assert.Equal(DeliveryKind.Preliminary, ReportDocument.FromJson((await CountOutboxAsync(world)).Single().Document).Kind);
        Assert.True(
            (await world.Reports.SaveDraftAsync(exam.Id, consultant.Id, "Large left pneumothorax. Drain advised.", world.As(consultant)))
            .Succeeded);
        Assert.Equal(SignResult.Final, (await world.Reports.SignAsync(exam.Id, consultant.Id, exam.Patient, world.As(consultant)))
            .ValueOrThrow());
        Assert.Equal(["Preliminary", "Final"], (await CountOutboxAsync(world)).Select(o => o.Kind));
    }

    private static async Task<List<OutboundReport>> CountOutboxAsync(ReportingWorld world)
    {
        await using var db = world.World.Database.CreateDbContext();
        return await db.OutboundReports.AsNoTracking().OrderBy(o => o.CreatedAt).ToListAsync();
    }
}
