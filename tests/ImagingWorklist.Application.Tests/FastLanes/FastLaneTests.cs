using ImagingWorklist.Application.Ai;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FastLanes;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Tests.Ai;
using ImagingWorklist.Application.Tests.Ingest;
using ImagingWorklist.Application.Tests.Reporting;
using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImagingWorklist.Application.Tests.FastLanes;

/// <summary>
/// Hyperacute fast lanes on both providers: in from the order, the RIS's order change, an AI finding and a person's
/// flag; first on every eligible list; the verbal report; and the per-trust record against the targets.
/// </summary>
public sealed class FastLaneTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AStrokeOrderGoesToTheTopOfEveryEligibleListAtOnce(DatabaseProvider provider)
    {
        await using var lanes = await LaneWorld.CreateAsync(provider);
        var overdue = await lanes.AddExamAsync(Pathway.Emergency, TimeSpan.FromHours(3));

        var ack = await lanes.SendAsync(StrokeOrder("S1", "NW", "RTA00000101", reason: "STROKE^Code stroke"));

        Assert.Equal("AA", Hl7IngestTests.Msa(ack, 1));
        await using var db = lanes.Database.CreateDbContext();
        var exam = await db.Exams.SingleAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted("RTA00000101"));
        Assert.Equal((FastLane.Stroke, "order code STROKE"), (exam.FastLane!.Value, exam.FastLaneReason));
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.FastLaneEntered && a.ExamId == exam.Id
            && a.Detail == "RTA00000101 entered the stroke fast lane: order code STROKE");
        foreach (var reporter in lanes.Reporting.World.Reporters)
        {
            var list = lanes.Reporting.World.Engine.RankedFor(reporter.Id);
            Assert.Equal((exam.Id, UrgencyClass.Hyperacute), (list[0].Exam.Id, list[0].Class));
            Assert.Contains(list, r => r.Exam.Id == overdue.Id && r.Class == UrgencyClass.Emergency);
            var waiting = Assert.Single(lanes.Lanes.WaitingFor(reporter.Id));
            Assert.Equal((exam.Id, FastLane.Stroke), (waiting.ExamId, waiting.Lane));
            Assert.Equal("verbal or preliminary report due in 10 min (target 10 min)",
                waiting.Clock!.Describe(lanes.Reporting.World.Clock.GetUtcNow()));
        }

        // Claimed: nobody is alerted any more.
        Assert.True((await lanes.Reporting.World.Claims.ClaimAsync(exam.Id, lanes.Reporting.Consultant(0).Id,
            lanes.Reporting.As(lanes.Reporting.Consultant(0)))).Succeeded);
        Assert.All(lanes.Reporting.World.Reporters, r => Assert.Empty(lanes.Lanes.WaitingFor(r.Id)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheRisCanFlagAnOrderLaterAndAnOrdinaryOrderEntersNoLane(DatabaseProvider provider)
    {
        await using var lanes = await LaneWorld.CreateAsync(provider);

        Assert.Equal("AA", Hl7IngestTests.Msa(await lanes.SendAsync(StrokeOrder("T1", "NW", "RTA00000102", reason: "FALL^Fall")), 1));
        Assert.Null((await lanes.ExamAsync("RTA00000102")).FastLane);

        // A radiographer at the scanner changes the order's reason at the RIS: XO with the trauma call's code.
        Assert.Equal("AA", Hl7IngestTests.Msa(await lanes.SendAsync(StrokeOrder("T2", "XO", "RTA00000102",
            reason: "FALL^Fall~traumacall^Trauma call")), 1));

        var exam = await lanes.ExamAsync("RTA00000102");
        Assert.Equal((FastLane.MajorTrauma, "order code TRAUMACALL"), (exam.FastLane!.Value, exam.FastLaneReason));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ALiveAiFindingOfALanesKindEntersItAndASilentOneDoesNot(DatabaseProvider provider)
    {
        await using var lanes = await LaneWorld.CreateAsync(provider);
        var world = lanes.Reporting.World;
        var algorithms = new AiAlgorithms(world.Database, world.Clock);
        var saved = await algorithms.SaveAsync(null, 0, new AiAlgorithmDraft("qER", "Qure.ai", "2", "QER",
            "ICH = Suspected intracranial haemorrhage", [world.Exams[0].TrustId]), new Actor("admin"));
        Assert.True(saved.Succeeded, saved.Reason);
        var (live, silent) = (world.Exams[0], world.Exams[1]);

        await lanes.SendAsync(AiTriageTests.AiMessage("A1", live.Accession.Value, ("ICH", "NM", "0.93", "A")));
        await lanes.SendAsync(AiTriageTests.AiMessage("A2", silent.Accession.Value, ("ICH", "NM", "0.97", "A"))
            .Replace("|RTA|", "|RTB|", StringComparison.Ordinal));

        var flagged = await lanes.ExamAsync(live.Accession.Value);
        Assert.Equal((FastLane.Stroke, "AI (qER v2) flagged suspected intracranial haemorrhage, score 0.93"),
            (flagged.FastLane!.Value, flagged.FastLaneReason));
        Assert.Null((await lanes.ExamAsync(silent.Accession.Value)).FastLane);
        Assert.Equal(UrgencyClass.Hyperacute, world.Engine.RankedFor(world.Reporters[0].Id)[0].Class);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFlagAndItsWithdrawalAreCheckedAndAudited(DatabaseProvider provider)
    {
        await using var lanes = await LaneWorld.CreateAsync(provider);
        var world = lanes.Reporting.World;
        var exam = world.Exams[0];
        var reporter = world.Reporters[0];
        var actor = world.As(0);
        var scope = AccessScope.ForReporter(reporter.Id);

        var otherTrust = await lanes.Lanes.FlagAsync(exam.Id, FastLane.Stroke, null, actor, AccessScope.ForTrusts(["RTB"]));
        var nul = await lanes.Lanes.FlagAsync(exam.Id, FastLane.Stroke, "onset\0 40 min", actor, scope);
        var flagged = await lanes.Lanes.FlagAsync(exam.Id, FastLane.Stroke, " onset 40 min ", actor, scope);
        var twice = await lanes.Lanes.FlagAsync(exam.Id, FastLane.MajorTrauma, null, actor, scope);
        var noReason = await lanes.Lanes.ClearAsync(exam.Id, "  ", actor, scope);

        Assert.Equal("There is no such exam, or it is not at a trust you may see.", otherTrust.Reason);
        Assert.Contains("NUL character", nul.Reason, StringComparison.Ordinal);
        Assert.True(flagged.Succeeded, flagged.Reason);
        Assert.Contains("already in the stroke fast lane", twice.Reason, StringComparison.Ordinal);
        Assert.Contains("Say why the exam leaves the fast lane", noReason.Reason, StringComparison.Ordinal);
        var status = await lanes.Lanes.StatusAsync(exam.Id);
        Assert.Equal((FastLane.Stroke, "flagged by Dr Reporter 1: onset 40 min"), (status.Lane!.Value, status.Reason));
        Assert.Contains(world.Announced, c => c.ExamId == exam.Id);

        var cleared = await lanes.Lanes.ClearAsync(exam.Id, "CT head for a fall, not a stroke call", actor, scope);

        Assert.True(cleared.Succeeded, cleared.Reason);
        Assert.Null((await lanes.Lanes.StatusAsync(exam.Id)).Lane);
        Assert.NotEqual(UrgencyClass.Hyperacute, world.Engine.RankedFor(reporter.Id).Single(r => r.Exam.Id == exam.Id).Class);
        await using var db = lanes.Database.CreateDbContext();
        var audit = await db.AuditEvents.Where(a => a.ExamId == exam.Id).OrderBy(a => a.At).ToListAsync();
        Assert.Equal([AuditAction.FastLaneEntered, AuditAction.FastLaneLeft],
            audit.Where(a => a.Action is AuditAction.FastLaneEntered or AuditAction.FastLaneLeft).Select(a => a.Action));
        Assert.Equal("CT head for a fall, not a stroke call", audit.Single(a => a.Action == AuditAction.FastLaneLeft).Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AVerbalReportIsIssuedAtOnceAsThePreliminaryAndStopsTheFirstClock(DatabaseProvider provider)
    {
        await using var lanes = await LaneWorld.CreateAsync(provider);
        var reporting = lanes.Reporting;
        var (holder, other) = (reporting.Consultant(0), reporting.Consultant(1));
        var exam = reporting.Exam;
        var flagged = await lanes.Lanes.FlagAsync(exam.Id, FastLane.Stroke, null, reporting.As(holder), AccessScope.WholeNetwork);
        Assert.True(flagged.Succeeded, flagged.Reason);
        await reporting.ClaimAndDraftAsync(holder, "Findings: dense left MCA sign.");
        reporting.World.Clock.Advance(TimeSpan.FromMinutes(6));
        var now = reporting.World.Clock.GetUtcNow();
        VerbalReport Told(string whom, DateTimeOffset at) =>
            new(whom, at, "No haemorrhage. Dense left MCA sign; suitable for thrombolysis.");

        var byOther = await reporting.Reports.GiveVerbalReportAsync(exam.Id, other.Id, Told("Dr A Khan", now), exam.Patient,
            reporting.As(other));
        var nobody = await reporting.Reports.GiveVerbalReportAsync(exam.Id, holder.Id, Told(" ", now), exam.Patient, reporting.As(holder));
        var future = await reporting.Reports.GiveVerbalReportAsync(exam.Id, holder.Id, Told("Dr A Khan", now.AddMinutes(30)), exam.Patient,
            reporting.As(holder));
        var given = await reporting.Reports.GiveVerbalReportAsync(exam.Id, holder.Id,
            Told("Dr A Khan, stroke registrar", now.AddMinutes(-2)), exam.Patient, reporting.As(holder));
        var again = await reporting.Reports.GiveVerbalReportAsync(exam.Id, holder.Id, Told("Dr A Khan", now), exam.Patient,
            reporting.As(holder));

        Assert.Contains("You do not hold exam", byOther.Reason, StringComparison.Ordinal);
        Assert.Contains("Say who was told", nobody.Reason, StringComparison.Ordinal);
        Assert.Contains("is in the future", future.Reason, StringComparison.Ordinal);
        Assert.True(given.Succeeded, given.Reason);
        Assert.Contains("has already left your hands (preliminary report)", again.Reason, StringComparison.Ordinal);
        await using var db = lanes.Database.CreateDbContext();
        var stored = await db.Exams.SingleAsync(e => e.Id == exam.Id);
        Assert.Equal((ExamState.Preliminary, now.AddMinutes(-2)), (stored.State, stored.FirstPreliminaryAt!.Value));
        var report = await db.Reports.SingleAsync(r => r.ExamId == exam.Id);
        Assert.Equal(ReportStatus.Preliminary, report.Status);
        Assert.Equal("Findings: dense left MCA sign.", report.Text);
        var sent = await db.OutboundReports.SingleAsync(o => o.ExamId == exam.Id);
        Assert.Equal("Preliminary", sent.Kind);
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize($"Verbal report given at {UkCalendar.TimeOfDay(now.AddMinutes(-2))} to " +
            "Dr A Khan, stroke registrar.\nNo haemorrhage. Dense left MCA sign; suitable for thrombolysis."), sent.Document,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Findings: dense", sent.Document, StringComparison.Ordinal);
        Assert.Single(await db.AuditEvents.Where(a => a.Action == AuditAction.VerbalReportGiven && a.ExamId == exam.Id).ToListAsync());
        var clock = (await lanes.Lanes.StatusAsync(exam.Id)).Clock!;
        Assert.Equal(true, clock.PreliminaryInTime);

        // The final follows from the same report.
        var signed = await reporting.Reports.SignAsync(exam.Id, holder.Id, exam.Patient, reporting.As(holder));
        Assert.True(signed.Succeeded, signed.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheRecordPerTrustCountsAsWorkedByHand(DatabaseProvider provider)
    {
        await using var lanes = await LaneWorld.CreateAsync(provider);
        var world = lanes.Reporting.World;
        var now = world.Clock.GetUtcNow();
        var reporter = world.Reporters[0].Id;
        await using (var db = lanes.Database.CreateDbContext())
        {
            var fixture = new NetworkFixture();
            var (alpha, beta) = (await db.Sites.SingleAsync(s => s.Id == world.Exams[0].SiteId),
                await db.Sites.SingleAsync(s => s.Id == world.Exams[1].SiteId));

            // Alpha, stroke: first at 8 and final at 50 min (both in time); first at 14 and final at 70 (both late); one
            // entered 2 min ago (neither decided). Beta, trauma: no preliminary, final at 30 min (late first, final in time).
            Exam Lane(Site site, FastLane lane, int ago, int? first, int? final, string accession)
            {
                var exam = fixture.ReadyExam(site, now, TimeSpan.FromMinutes(ago), Pathway.Emergency, accession: accession);
                var start = exam.ReadyAt!.Value;
                Assert.True(exam.EnterFastLane(lane, "order code X", start).Succeeded);
                var token = Guid.NewGuid();
                if (first is not null || final is not null)
                {
                    Assert.True(exam.Claim(reporter, token, TimeSpan.FromMinutes(20), start.AddMinutes(1)).Succeeded);
                }

                if (first is { } f)
                {
                    Assert.True(exam.RecordPreliminary(token, start.AddMinutes(f), start.AddMinutes(f)).Succeeded);
                }

                if (final is { } done)
                {
                    Assert.True(exam.Finalise(reporter, start.AddMinutes(done)).Succeeded);
                }

                return exam;
            }

            db.Exams.AddRange(
                Lane(alpha, FastLane.Stroke, 200, 8, 50, "HAND0001"),
                Lane(alpha, FastLane.Stroke, 300, 14, 70, "HAND0002"),
                Lane(alpha, FastLane.Stroke, 2, null, null, "HAND0003"),
                Lane(beta, FastLane.MajorTrauma, 100, null, 30, "HAND0004"));
            await db.SaveChangesAsync();
        }

        var rows = await lanes.Lanes.PerformanceAsync(now.AddDays(-1), now.AddSeconds(1), AccessScope.WholeNetwork);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new FastLaneRow("Alpha Trust", FastLane.Stroke, 3, 2, 1, 8, 2, 1, 50, 1), rows[0]);
        Assert.Equal(new FastLaneRow("Beta Trust", FastLane.MajorTrauma, 1, 1, 0, 30, 1, 1, 30, 0), rows[1]);
        Assert.Equal(0.5, rows[0].FirstInTimeShare);
        var alphaOnly = await lanes.Lanes.PerformanceAsync(now.AddDays(-1), now.AddSeconds(1), AccessScope.ForTrusts(["RTA"]));
        Assert.Equal("Alpha Trust", Assert.Single(alphaOnly).TrustName);
    }

    [Fact]
    public void TheSettingsAreCheckedAndMatchCodesWithoutRegardToCase()
    {
        var settings = new FastLaneSettings();
        Assert.Empty(settings.Problems());
        Assert.Equal((FastLane.Stroke, "STROKE"), settings.ForOrder(["chead", " stroke "])!.Value);
        Assert.Null(settings.ForOrder(["CHEAD", "FALL"]));
        Assert.Equal(FastLane.Stroke, settings.ForAiFinding("lvo"));
        Assert.Null(settings.ForAiFinding("ICH"));

        var bad = new FastLaneSettings
        {
            AlertRepeat = TimeSpan.Zero,
            Stroke = new FastLaneRuleSettings { OrderCodes = "STROKE, TRAUMA\u0001", FinalWithin = TimeSpan.FromMinutes(5) },
            MajorTrauma = new FastLaneRuleSettings { OrderCodes = "stroke" },
        };

        Assert.Equal(
        [
            "FastLanes:AlertRepeat must be a positive duration (hh:mm:ss), not 00:00:00.",
            "FastLanes:Stroke:FinalWithin (00:05:00) must not be shorter than FastLanes:Stroke:PreliminaryWithin (00:10:00): the final " +
                "report cannot be due before the first.",
            "FastLanes:Stroke:OrderCodes: 'TRAUMA?' is not a code (at most 40 characters, no control characters).",
            "FastLanes:MajorTrauma:OrderCodes: 'STROKE' is also a code of FastLanes:Stroke; a code may put an exam into one lane only.",
        ], settings is null ? [] : bad.Problems().ToList());
    }

    private static string StrokeOrder(string controlId, string control, string accession, string reason) =>
        Hl7IngestTests.Order(controlId, control, accession, status: "CM", procedure: "CHEAD", priority: "S").TrimEnd('\r')
            + new string('|', 13) + reason + "\r";

    private sealed class LaneWorld : IAsyncDisposable
    {
        private LaneWorld(ReportingWorld reporting, Hl7Ingest ingest, FastLaneService lanes) =>
            (Reporting, Ingest, Lanes) = (reporting, ingest, lanes);

        public ReportingWorld Reporting { get; }

        public Hl7Ingest Ingest { get; }

        public FastLaneService Lanes { get; }

        public TestDatabase Database => Reporting.World.Database;

        public static async Task<LaneWorld> CreateAsync(DatabaseProvider provider)
        {
            var reporting = await ReportingWorld.CreateAsync(provider);
            var world = reporting.World;
            await using (var db = world.Database.CreateDbContext())
            {
                db.Procedures.Add(new Procedure("CHEAD", "CT Head", Modality.CT, "HEAD", Skill.Neuro, 16));
                db.TurnaroundRules.AddRange(TurnaroundPolicy.DefaultRules());
                await db.SaveChangesAsync();
            }

            var settings = new FastLaneSettings();
            settings.Stroke.AiFindings = "LVO, ICH";
            var ingest = new Hl7Ingest(world.Database, world.Announce, world.Clock, new Hl7Settings(),
                new IngestReferenceData(world.Database, world.Clock), NullLogger<Hl7Ingest>.Instance, fastLanes: settings);
            return new LaneWorld(reporting, ingest, new FastLaneService(world.Database, world.Engine, world.Announce, settings,
                world.Clock));
        }

        public async Task<string> SendAsync(string message) =>
            (await Ingest.ReceiveAsync(message, "HTTP", "test", AccessScope.WholeNetwork)).Ack;

        public async Task<Exam> AddExamAsync(Pathway pathway, TimeSpan readyAgo)
        {
            await using var db = Database.CreateDbContext();
            var site = await db.Sites.SingleAsync(s => s.Id == Reporting.Exam.SiteId);
            var exam = new NetworkFixture().ReadyExam(site, Reporting.World.Clock.GetUtcNow(), readyAgo, pathway, accession: "OVERDUE1");
            db.Exams.Add(exam);
            await db.SaveChangesAsync();
            await Reporting.World.Engine.RefreshExamAsync(exam.Id);
            return exam;
        }

        public async Task<Exam> ExamAsync(string accession)
        {
            await using var db = Database.CreateDbContext();
            return await db.Exams.AsNoTracking().SingleAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted(accession));
        }

        public async ValueTask DisposeAsync()
        {
            await Ingest.DisposeAsync();
            await Reporting.DisposeAsync();
        }
    }
}
