using ImagingWorklist.Application.Ai;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Tests.Reporting;
using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImagingWorklist.Application.Tests.Ai;

/// <summary>
/// AI results in over HL7 (the FHIR ingest translates to the same message), live and silent, the reporter's answer at
/// signing, and the algorithm's record, on both providers.
/// </summary>
public sealed class AiTriageTests
{
    private const string Application = "QER";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ALiveAlgorithmsFindingRanksTheExamAsAnEmergencyAndWhyNamesIt(DatabaseProvider provider)
    {
        await using var ai = await AiWorld.CreateAsync(provider, live: true);
        var exam = ai.Reporting.World.Exams[2];
        var reporter = ai.Reporting.Consultant(0).Id;
        Assert.NotEqual(UrgencyClass.Emergency, Ranked(ai, reporter, exam.Id).Class);

        var ack = await ai.SendAsync(AiMessage("A1", exam.Accession.Value, ("ICH", "NM", "0.93", "A"), ("MLS", "NM", "0.12", "N")));

        Assert.Equal("AA", Msa(ack, 1));
        Assert.Contains("now ranked as an emergency", Msa(ack, 3), StringComparison.Ordinal);
        const string Flag = "AI (qER v2) flagged suspected intracranial haemorrhage, score 0.93";
        await using var db = ai.Database.CreateDbContext();
        Assert.Equal(Flag, (await db.Exams.SingleAsync(e => e.Id == exam.Id)).AiFlag);
        var ranked = Ranked(ai, reporter, exam.Id);
        Assert.Equal((UrgencyClass.Emergency, 1), (ranked.Class, ranked.Rank));
        Assert.Contains(ranked.Explanation.Factors, f => f.Name == "AI flag" && f.Effect == $"{Flag}: treated as an emergency");
        var results = await db.AiResults.OrderBy(r => r.Code).ToListAsync();
        Assert.Equal([("ICH", true, 0.93, true), ("MLS", false, 0.12, true)],
            results.Select(r => (r.Code, r.Positive, r.Score!.Value, r.Live)).ToList());
        Assert.Contains(await db.AuditEvents.ToListAsync(),
            a => a.Action == AuditAction.AiResultReceived && a.ExamId == exam.Id
                && a.Detail.Contains("qER v2 (live)", StringComparison.Ordinal));
        Assert.Equal(InboundStatus.Applied, (await db.InboundMessages.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASilentAlgorithmIsRecordedAndChangesNobodysList(DatabaseProvider provider)
    {
        await using var ai = await AiWorld.CreateAsync(provider, live: false);
        var exam = ai.Reporting.World.Exams[2];
        var reporter = ai.Reporting.Consultant(0).Id;
        var before = Ranked(ai, reporter, exam.Id);

        var ack = await ai.SendAsync(AiMessage("S1", exam.Accession.Value, ("ICH", "NM", "0.97", "A")));

        Assert.Equal("AA", Msa(ack, 1));
        Assert.Contains("silent for this trust; recorded only", Msa(ack, 3), StringComparison.Ordinal);
        await using var db = ai.Database.CreateDbContext();
        Assert.Null((await db.Exams.SingleAsync(e => e.Id == exam.Id)).AiFlag);
        Assert.Equal((before.Class, before.Rank), (Ranked(ai, reporter, exam.Id).Class, Ranked(ai, reporter, exam.Id).Rank));
        var stored = await db.AiResults.SingleAsync();
        Assert.Equal((true, false), (stored.Positive, stored.Live));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ALaterNegativeFromTheSameAlgorithmTakesTheFlagAway(DatabaseProvider provider)
    {
        await using var ai = await AiWorld.CreateAsync(provider, live: true);
        var exam = ai.Reporting.World.Exams[2];
        await ai.SendAsync(AiMessage("L1", exam.Accession.Value, ("ICH", "NM", "0.81", "A")));

        var ack = await ai.SendAsync(AiMessage("L2", exam.Accession.Value, ("ICH", "NM", "0.20", "N")));

        Assert.Equal("AA", Msa(ack, 1));
        await using var db = ai.Database.CreateDbContext();
        Assert.Null((await db.Exams.SingleAsync(e => e.Id == exam.Id)).AiFlag);
        Assert.NotEqual(UrgencyClass.Emergency, Ranked(ai, ai.Reporting.Consultant(0).Id, exam.Id).Class);
        Assert.Equal((false, 0.20), (await db.AiResults.SingleAsync()) is var r ? (r.Positive, r.Score!.Value) : default);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABadResultIsRefusedNamingWhatIsWrongAndRecordsNothing(DatabaseProvider provider)
    {
        await using var ai = await AiWorld.CreateAsync(provider, live: true);
        var accession = ai.Reporting.World.Exams[2].Accession.Value;

        var unknownCode = await ai.SendAsync(AiMessage("B1", accession, ("PE", "NM", "0.9", "A")));
        var noFlag = await ai.SendAsync(AiMessage("B2", accession, ("ICH", "NM", "0.9", "")));
        var percent = await ai.SendAsync(AiMessage("B3", accession, ("ICH", "NM", "93", "A")));
        var twice = await ai.SendAsync(AiMessage("B4", accession, ("ICH", "NM", "0.9", "A"), ("ich", "NM", "0.8", "A")));
        var none = await ai.SendAsync(AiMessage("B5", accession));
        var unknownExam = await ai.SendAsync(AiMessage("B6", "NOSUCH1", ("ICH", "NM", "0.9", "A")));

        Assert.All([unknownCode, noFlag, percent, twice, none, unknownExam], ack => Assert.Equal("AE", Msa(ack, 1)));
        Assert.Contains("sends the finding PE, which qER v2 is not registered for (it may send ICH, MLS)", Msa(unknownCode, 3),
            StringComparison.Ordinal);
        Assert.Contains("OBX-8 must be A (present) or N (not present)", Msa(noFlag, 3), StringComparison.Ordinal);
        Assert.Contains("'93' is not a number from 0 to 1", Msa(percent, 3), StringComparison.Ordinal);
        Assert.Contains("sends ich again", Msa(twice, 3), StringComparison.Ordinal);
        Assert.Contains("\rERR|OBX^2^3^103&", twice, StringComparison.Ordinal);
        Assert.Contains("no OBX segment", Msa(none, 3), StringComparison.Ordinal);
        Assert.Contains("No exam NOSUCH1", Msa(unknownExam, 3), StringComparison.Ordinal);
        await using var db = ai.Database.CreateDbContext();
        Assert.Empty(await db.AiResults.ToListAsync());
        Assert.All(await db.Exams.ToListAsync(), e => Assert.Null(e.AiFlag));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnOruFromAnUnregisteredApplicationIsStillTheTrustsOwnResult(DatabaseProvider provider)
    {
        await using var ai = await AiWorld.CreateAsync(provider, live: true);
        var exam = ai.Reporting.World.Exams[2];

        var ack = await ai.SendAsync(AiMessage("U1", exam.Accession.Value, ("ICH", "NM", "0.9", "A")).Replace($"|{Application}|", "|RIS|",
            StringComparison.Ordinal));

        Assert.Equal("AA", Msa(ack, 1));
        Assert.Contains("not final; nothing changed", Msa(ack, 3), StringComparison.Ordinal);
        await using var db = ai.Database.CreateDbContext();
        Assert.Empty(await db.AiResults.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SigningNeedsTheHoldersAnswerToEveryFinding(DatabaseProvider provider)
    {
        await using var ai = await AiWorld.CreateAsync(provider, live: false);
        var world = ai.Reporting;
        var (holder, other) = (world.Consultant(0), world.Consultant(1));
        await ai.SendAsync(AiMessage("J1", world.Exam.Accession.Value, ("ICH", "NM", "0.91", "A"), ("MLS", "CWE", "N", "")));
        await world.ClaimAndDraftAsync(holder, "Findings: no acute intracranial abnormality.");

        var refused = await world.Reports.SignAsync(world.Exam.Id, holder.Id, world.Exam.Patient, world.As(holder));

        Assert.False(refused.Succeeded);
        Assert.Equal(
            "Say whether midline shift and suspected intracranial haemorrhage were present (AI findings, above the report) before signing.",
            refused.Reason);
        var shown = await ai.Results.ForExamAsync(world.Exam.Id);
        Assert.All(shown, r => Assert.False(r.ShowFlag));
        Assert.All(shown, r => Assert.Null(r.Flag));
        var byOther = await ai.Results.JudgeAsync(shown[0].Id, other.Id, present: true, world.As(other));
        Assert.False(byOther.Succeeded);
        Assert.Contains("Only the reporter holding exam", byOther.Reason, StringComparison.Ordinal);

        foreach (var result in shown)
        {
            var present = result.Display.StartsWith("Mid", StringComparison.Ordinal);
            Assert.True((await ai.Results.JudgeAsync(result.Id, holder.Id, present, world.As(holder))).Succeeded);
        }

        var signed = await world.Reports.SignAsync(world.Exam.Id, holder.Id, world.Exam.Patient, world.As(holder));
        Assert.True(signed.Succeeded, signed.Reason);
        await using var db = ai.Database.CreateDbContext();
        var answers = await db.AiResults.OrderBy(r => r.Code).Select(r => new { r.Code, r.Present, r.JudgedBy }).ToListAsync();
        Assert.Equal([("ICH", false), ("MLS", true)], answers.Select(a => (a.Code, a.Present!.Value)).ToList());
        Assert.All(answers, a => Assert.Equal(holder.DisplayName, a.JudgedBy));
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == AuditAction.AiFindingJudged));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheRecordCountsAgreementSensitivityAndPpvAsWorkedByHand(DatabaseProvider provider)
    {
        await using var ai = await AiWorld.CreateAsync(provider, live: false);
        var now = ai.Reporting.World.Clock.GetUtcNow();

        // Eight reported exams at Alpha: TP, TP, FP, FN, TN, TN, and two still unanswered (a flag and a negative).
        var cases = new (bool Positive, bool? Present)[]
        {
            (true, true), (true, true), (true, false), (false, true), (false, false), (false, false), (true, null), (false, null),
        };
        await using (var db = ai.Database.CreateDbContext())
        {
            var algorithm = await db.AiAlgorithms.SingleAsync();
            var fixture = new NetworkFixture();
            var site = await db.Sites.FirstAsync(s => s.TrustId == ai.Reporting.Exam.TrustId);
            foreach (var (index, (positive, present)) in cases.Index())
            {
                var exam = fixture.ReadyExam(site, now, TimeSpan.FromMinutes(90), accession: $"HAND{index:D4}");
                Assert.True(exam.Claim(ai.Reporting.Consultant(0).Id, Guid.NewGuid(), TimeSpan.FromMinutes(20), now).Succeeded);
                Assert.True(exam.Finalise(ai.Reporting.Consultant(0).Id, now).Succeeded);
                db.Exams.Add(exam);
                var result = ImagingWorklist.Domain.Ai.AiResult.Record(Guid.NewGuid(), exam.Id, exam.TrustId, algorithm,
                    algorithm.Findings[0], positive, 0.5, "HL7 v2", now.AddMinutes(-60));
                if (present is { } p)
                {
                    Assert.True(result.Judge(p, "Dr Reporter 1", now).Succeeded);
                }

                db.AiResults.Add(result);
            }

            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await ai.Performance.ForAsync((await ai.AlgorithmAsync()).Id, AccessScope.WholeNetwork));

        Assert.Equal(("Alpha Trust", false, 8, 4, 6), (row.Trust, row.Live, row.Analysed, row.Flags, row.Judged));
        Assert.Equal((2, 1, 1), (row.TruePositives, row.FalsePositives, row.FalseNegatives));
        Assert.Equal(4.0 / 6, row.Agreement!.Value, 6);
        Assert.Equal(2.0 / 3, row.Sensitivity!.Value, 6);
        Assert.Equal(2.0 / 3, row.PositivePredictiveValue!.Value, 6);

        // Silent: a true positive's gain is the time from the result to the report (60 minutes each).
        Assert.Equal(60, row.MedianMinutesGained!.Value, 3);

        // A false positive's cost is its expected reading minutes.
        Assert.Equal(ai.Reporting.Exam.ExpectedReadingMinutes, row.FalsePositiveQueueMinutes);
        Assert.Empty(await ai.Performance.ForAsync((await ai.AlgorithmAsync()).Id, AccessScope.ForTrusts(["RTB"])));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RegisteringIsCheckedAndAudited(DatabaseProvider provider)
    {
        await using var ai = await AiWorld.CreateAsync(provider, live: false);
        var actor = new Actor("admin");
        var trust = ai.Reporting.Exam.TrustId;

        var clash = await ai.Algorithms.SaveAsync(null, 0, Draft("Other", Application, [trust]), actor);
        var nul = await ai.Algorithms.SaveAsync(null, 0, Draft("Bad\0name", "BAD", []), actor);
        var findings = await ai.Algorithms.SaveAsync(null, 0, Draft("Other", "OTHER", [], "ICH Suspected haemorrhage"), actor);
        var unknownTrust = await ai.Algorithms.SaveAsync(null, 0, Draft("Other", "OTHER", [Guid.NewGuid()]), actor);

        Assert.Contains("qER v2 already sends results as QER", clash.Reason, StringComparison.Ordinal);
        Assert.Contains("NUL character", nul.Reason, StringComparison.Ordinal);
        Assert.Contains("Line 1 must read CODE = words", findings.Reason, StringComparison.Ordinal);
        Assert.Contains("not a trust of this network", unknownTrust.Reason, StringComparison.Ordinal);

        var existing = await ai.AlgorithmAsync();
        var stale = await ai.Algorithms.SaveAsync(existing.Id, existing.Version - 1, Draft("qER", Application, [trust]), actor);
        Assert.Contains("Someone changed this algorithm", stale.Reason, StringComparison.Ordinal);
        var live = await ai.Algorithms.SaveAsync(existing.Id, existing.Version, Draft("qER", Application, [trust]), actor);
        Assert.True(live.Succeeded, live.Reason);
        Assert.True((await ai.AlgorithmAsync()).IsLiveFor(trust));
        await using var db = ai.Database.CreateDbContext();
        Assert.Contains(await db.AuditEvents.ToListAsync(),
            a => a.Action == AuditAction.AiAlgorithmChanged && a.Detail.Contains("Changed qER v2", StringComparison.Ordinal)
                && a.Detail.Contains("live for Alpha Trust", StringComparison.Ordinal));
    }

    private static AiAlgorithmDraft Draft(string name, string application, IReadOnlyCollection<Guid> live,
        string findings = "ICH = Suspected intracranial haemorrhage\nMLS = Midline shift") =>
        new(name, "Qure.ai", "2", application, findings, live);

    private static RankedExam Ranked(AiWorld ai, Guid reporter, Guid exam) =>
        ai.Reporting.World.Engine.RankedFor(reporter).Single(r => r.Exam.Id == exam);

    internal static string AiMessage(string controlId, string accession,
        params (string Code, string Type, string Value, string Flag)[] findings) =>
        $"MSH|^~\\&|{Application}|RTA|IW|NET|20261125093000||ORU^R01|{controlId}|P|2.5.1\r" +
        $"OBR|1||{accession}|||||||||||||||{accession}|||||||P\r" +
        string.Concat(findings.Select((f, i) => $"OBX|{i + 1}|{f.Type}|{f.Code}^Finding||{f.Value}|||{f.Flag}|||P\r"));

    private static string Msa(string ack, int field) =>
        ack.Split('\r').First(s => s.StartsWith("MSA", StringComparison.Ordinal)).Split('|').ElementAtOrDefault(field) ?? string.Empty;

    private sealed class AiWorld : IAsyncDisposable
    {
        private AiWorld(ReportingWorld reporting, Hl7Ingest ingest)
        {
            Reporting = reporting;
            Ingest = ingest;
            Algorithms = new AiAlgorithms(reporting.World.Database, reporting.World.Clock);
            Results = new AiResults(reporting.World.Database, reporting.World.Clock);
            Performance = new AiPerformance(reporting.World.Database, reporting.World.Clock);
        }

        public ReportingWorld Reporting { get; }

        public Hl7Ingest Ingest { get; }

        public AiAlgorithms Algorithms { get; }

        public AiResults Results { get; }

        public AiPerformance Performance { get; }

        public TestDatabase Database => Reporting.World.Database;

        public static async Task<AiWorld> CreateAsync(DatabaseProvider provider, bool live)
        {
            var reporting = await ReportingWorld.CreateAsync(provider);
            var world = reporting.World;
            var ingest = new Hl7Ingest(world.Database, world.Announce, world.Clock, new Hl7Settings(),
                new IngestReferenceData(world.Database, world.Clock), NullLogger<Hl7Ingest>.Instance);
            var ai = new AiWorld(reporting, ingest);
            var saved = await ai.Algorithms.SaveAsync(null, 0, Draft("qER", Application, live ? [reporting.Exam.TrustId] : []),
                new Actor("admin"));
            Assert.True(saved.Succeeded, saved.Reason);
            return ai;
        }

        public async Task<string> SendAsync(string message) =>
            (await Ingest.ReceiveAsync(message, "HTTP", "test", AccessScope.WholeNetwork)).Ack;

        public async Task<AiAlgorithm> AlgorithmAsync()
        {
            await using var db = Database.CreateDbContext();
            return await db.AiAlgorithms.AsNoTracking().SingleAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Ingest.DisposeAsync();
            await Reporting.DisposeAsync();
        }
    }
}
