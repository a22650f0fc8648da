using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImagingWorklist.Application.Tests.Ingest;

public class Hl7IngestTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ANewOrderIsStoredAcknowledgedAndBecomesAnExam(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);

        var ack = await world.SendAsync(Order("M1", "NW", "RTA00000001"));

        Assert.Equal("AA", Msa(ack, 1));
        Assert.Equal("M1", Msa(ack, 2));
        await using var db = world.Database.CreateDbContext();
        var exam = await db.Exams.SingleAsync();
        Assert.Equal(("RTA00000001", ExamState.Ordered, "XCHES", Skill.Chest, Modality.DX),
            (exam.Accession.Value, exam.State, exam.ProcedureCode, exam.RequiredSkill, exam.Modality));
        Assert.Equal(("Smith", "9434765919", "A123456"), (exam.Patient.FamilyName, exam.Patient.NhsNumber!.Value, exam.Patient.LocalMrn));
        Assert.Equal((PatientClass.Outpatient, ClinicalPriority.Urgent), (exam.PatientClass, exam.Priority));
        var stored = await db.InboundMessages.SingleAsync();
        Assert.Equal((InboundStatus.Applied, "AA", exam.Id), (stored.Status, stored.AckCode, stored.ExamId));
        Assert.Contains("ORM^O01", stored.Raw, StringComparison.Ordinal);
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.OrderReceived && a.ExamId == exam.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheReferrerAndTheRegisteredGpAreKeptAsTheOrderNamesThem(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        var order = Order("M1", "NW", "RTA00000031")
            .Replace("PV1|", "PD1||||G8123456^Jones^P^^^Dr\rPV1|", StringComparison.Ordinal)
            .Replace("ORC|NW|P1|F1||SC", "ORC|NW|P1|F1||SC|||||||C123^Patel^Ravi^^^Dr", StringComparison.Ordinal);
        var fromObr = Order("M2", "NW", "RTA00000032")
            .Replace("|Cough|||||RTA00000032", "|Cough|||C9^Osei^B^^^Dr||RTA00000032", StringComparison.Ordinal);

        Assert.Equal(("AA", "AA"), (Msa(await world.SendAsync(order), 1), Msa(await world.SendAsync(fromObr), 1)));

        await using var db = world.Database.CreateDbContext();
        var exams = await db.Exams.OrderBy(e => e.OrderedAt).ThenBy(e => e.Id).ToListAsync();
        var first = exams.Single(e => e.Accession.Value == "RTA00000031");
        var second = exams.Single(e => e.Accession.Value == "RTA00000032");
        Assert.Equal(("Dr Ravi Patel", "Dr P Jones"), (first.Referrer, first.RegisteredGp));
        Assert.Equal(("Dr B Osei", (string?)null), (second.Referrer, second.RegisteredGp));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ExamCompleteMakesItReadyAndItReachesTheEngineAndTheWorklists(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        await world.SendAsync(Order("M1", "NW", "RTA00000002"));

        var ack = await world.SendAsync(Order("M2", "SC", "RTA00000002", status: "CM"));

        Assert.Equal("AA", Msa(ack, 1));
        await using var db = world.Database.CreateDbContext();
        var exam = await db.Exams.SingleAsync();
        Assert.Equal(ExamState.Ready, exam.State);
        Assert.Contains(world.Engine.RankedFor(world.Reporters[0].Id), r => r.Exam.Id == exam.Id);
        Assert.Contains(world.Announced, c => c.ExamId == exam.Id && c.Kind == WorklistChangeKind.ExamUpdated);
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.ImagesPrepared && a.ExamId == exam.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AResendGetsTheFirstAnswerAndChangesNothing(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);

        var first = await world.SendAsync(Order("M1", "NW", "RTA00000003"));
        var again = await world.SendAsync(Order("M1", "NW", "RTA00000003"));

        Assert.Equal(first, again);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Exams.CountAsync());
        Assert.Equal(1, await db.InboundMessages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AStatusChangeBeforeItsOrderIsHeldAndAppliedWhenTheOrderArrives(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);

        var early = await world.SendAsync(Order("M9", "SC", "RTA00000004", status: "CM"));
        var order = await world.SendAsync(Order("M10", "NW", "RTA00000004"));

        Assert.Equal("AA", Msa(early, 1));
        Assert.Contains("held", Msa(early, 3), StringComparison.Ordinal);
        Assert.Equal("AA", Msa(order, 1));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(ExamState.Ready, (await db.Exams.SingleAsync()).State);
        Assert.All(await db.InboundMessages.ToListAsync(), m => Assert.Equal(InboundStatus.Applied, m.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangesAndCancellationsFollowTheRis(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        await world.SendAsync(Order("M1", "NW", "RTA00000005", status: "CM"));

        var change = await world.SendAsync(Order("M2", "XO", "RTA00000005", priority: "S"));
        await using (var db = world.Database.CreateDbContext())
        {
            Assert.Equal(ClinicalPriority.Stat, (await db.Exams.SingleAsync()).Priority);
        }

        var cancel = await world.SendAsync(Order("M3", "CA", "RTA00000005"));

        Assert.Equal(("AA", "AA"), (Msa(change, 1), Msa(cancel, 1)));
        await using var after = world.Database.CreateDbContext();
        var exam = await after.Exams.SingleAsync();
        Assert.Equal(ExamState.Cancelled, exam.State);
        Assert.DoesNotContain(world.Engine.RankedFor(world.Reporters[0].Id), r => r.Exam.Id == exam.Id);
        Assert.Contains(await after.AuditEvents.ToListAsync(), a => a.Action == AuditAction.ExamCancelled);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ContentErrorsAreAnsweredAeNamingTheSegmentAndFieldAndCreateNothing(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);

        var unknownProcedure = await world.SendAsync(Order("M1", "NW", "RTA00000006", procedure: "ZZZZZ"));
        var badBirth = await world.SendAsync(Order("M2", "NW", "RTA00000007", birth: "1970-01-02"));
        var noAccession = await world.SendAsync(Order("M3", "NW", string.Empty).Replace("|P1|F1|", "|P1||", StringComparison.Ordinal));
        var badPriority = await world.SendAsync(Order("M4", "NW", "RTA00000008", priority: "Q"));

        Assert.Equal(("AE", "OBR^1^4"), (Msa(unknownProcedure, 1), Err(unknownProcedure, 2)));
        Assert.Contains("ZZZZZ", Err(unknownProcedure, 8), StringComparison.Ordinal);
        Assert.Equal(("AE", "PID^1^7"), (Msa(badBirth, 1), Err(badBirth, 2)));
        Assert.Equal(("AE", "OBR^1^18"), (Msa(noAccession, 1), Err(noAccession, 2)));
        Assert.Equal(("AE", "103^Table value not found^HL70357"), (Msa(badPriority, 1), Err(badPriority, 3)));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(0, await db.Exams.CountAsync());
        Assert.All(await db.InboundMessages.ToListAsync(), m => Assert.Equal(InboundStatus.Rejected, m.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UnsupportedTypesVersionsAndUnknownSendersAreRejectedAr(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);

        var adt = await world.SendAsync(Order("M1", "NW", "RTA00000009").Replace("ORM^O01", "ADT^A31", StringComparison.Ordinal));
        var version = await world.SendAsync(Order("M2", "NW", "RTA00000009").Replace("|2.3\r", "|2.9\r", StringComparison.Ordinal));
        var stranger = await world.SendAsync(Order("M3", "NW", "RTA00000009").Replace("|RIS|RTA|", "|RIS|XYZ|", StringComparison.Ordinal));
        var garbage = await world.SendAsync("this is not hl7");

        Assert.Equal(("AR", "200^Unsupported message type^HL70357"), (Msa(adt, 1), Err(adt, 3)));
        Assert.Equal(("AR", "203^Unsupported version id^HL70357"), (Msa(version, 1), Err(version, 3)));
        Assert.Equal(("AR", "204^Unknown key identifier^HL70357"), (Msa(stranger, 1), Err(stranger, 3)));
        Assert.Equal("AR", Msa(garbage, 1));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(4, await db.InboundMessages.CountAsync(m => m.Status == InboundStatus.Rejected));
        Assert.Contains(await db.InboundMessages.ToListAsync(), m => m.Raw == "this is not hl7");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnInvalidNhsNumberIsKeptFlaggedAndReported(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);

        var ack = await world.SendAsync(Order("M1", "NW", "RTA00000010", nhs: "9434765918"));

        Assert.Equal("AA", Msa(ack, 1));
        Assert.Contains("9434765918 is not valid", Msa(ack, 3), StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        var patient = (await db.Exams.SingleAsync()).Patient;
        Assert.Null(patient.NhsNumber);
        Assert.Equal("9434765918", patient.UnverifiedNhsNumber);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AClientLimitedToOneTrustCannotSendForAnother(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);

        var ack = await world.SendAsync(Order("M1", "NW", "RTA00000011"), AccessScope.ForTrusts(["RTB"]));

        Assert.Equal("AR", Msa(ack, 1));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(0, await db.Exams.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PatientUpdatesAndMergesFollowTheTrustsRecords(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        await world.SendAsync(Order("M1", "NW", "RTA00000020"));
        await world.SendAsync(Order("M2", "NW", "RTA00000021").Replace("A123456", "B999", StringComparison.Ordinal));

        var update = await world.SendAsync(Adt("M3", "A08", "A123456", "Smith-Jones"));
        var merge = await world.SendAsync(Adt("M4", "A40", "A123456", "Smith-Jones", merged: "B999"));
        var noMrg = await world.SendAsync(Adt("M5", "A40", "A123456", "Smith-Jones", merged: string.Empty));

        Assert.Equal(("AA", "AA", "AE"), (Msa(update, 1), Msa(merge, 1), Msa(noMrg, 1)));
        await using var db = world.Database.CreateDbContext();
        var patients = (await db.Exams.ToListAsync()).Select(e => (e.Patient.LocalMrn, e.Patient.FamilyName)).ToList();
        Assert.All(patients, p => Assert.Equal(("A123456", "Smith-Jones"), p));
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == AuditAction.PatientUpdated));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFinalResultFromTheTrustTakesTheExamOutOfThePool(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        await world.SendAsync(Order("M1", "NW", "RTA00000030", status: "CM"));

        var preliminary = await world.SendAsync(Result("M2", "RTA00000030", "P"));
        var final = await world.SendAsync(Result("M3", "RTA00000030", "F"));
        var unknown = await world.SendAsync(Result("M4", "RTA00000099", "F"));

        Assert.Equal(("AA", "AA", "AE"), (Msa(preliminary, 1), Msa(final, 1), Msa(unknown, 1)));
        await using var db = world.Database.CreateDbContext();
        var exam = await db.Exams.SingleAsync();
        Assert.Equal(ExamState.Final, exam.State);
        Assert.DoesNotContain(world.Engine.RankedFor(world.Reporters[0].Id), r => r.Exam.Id == exam.Id);
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.Reported && a.ExamId == exam.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARefusedOrderIsProcessedAgainOnceTheCatalogueKnowsItsProcedure(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        var refused = await world.SendAsync(Order("M1", "NW", "RTA00000040", procedure: "CTHEA"));
        Assert.Equal("AE", Msa(refused, 1));
        await using (var db = world.Database.CreateDbContext())
        {
            db.Procedures.Add(new Procedure("CTHEA", "CT Head", Modality.CT, "HEAD", Skill.Neuro, 16));
            await db.SaveChangesAsync();
        }

        await using var read = world.Database.CreateDbContext();
        var id = (await read.InboundMessages.SingleAsync()).Id;
        var again = await world.Ingest.ReprocessAsync(id, new Actor("admin"));
        var twice = await world.Ingest.ReprocessAsync(id, new Actor("admin"));

        Assert.Equal(InboundStatus.Applied, again.Value);
        Assert.False(twice.Succeeded);
        await using var after = world.Database.CreateDbContext();
        Assert.Equal(Skill.Neuro, (await after.Exams.SingleAsync()).RequiredSkill);
        Assert.Contains(await after.AuditEvents.ToListAsync(), a => a.Action == AuditAction.MessageReprocessed && a.Actor == "admin");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReadingAStoredMessageIsAuditedAsAViewOfPatientData(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        await world.SendAsync(Order("M1", "NW", "RTA00000050"));
        await using var db = world.Database.CreateDbContext();
        var id = (await db.InboundMessages.SingleAsync()).Id;

        var raw = await new InboundMessagesQuery(world.Database, TimeProvider.System).RawAsync(id, new Actor("admin", Source: "10.0.0.9"));

        Assert.Contains("PID|1||9434765919", raw, StringComparison.Ordinal);
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.PatientDataViewed && a.Actor == "admin"
            && a.Source == "10.0.0.9");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OrdersArrivingTogetherAreDecidedTogetherAndEachGetsItsOwnAnswer(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        var messages = Enumerable.Range(0, 30).Select(i => Order($"B{i}", "NW", $"RTB{i:D8}")).ToList();
        messages.Insert(0, Order("S7", "SC", "RTB00000007", status: "CM")); // its order is in the same burst, later
        messages.Add(Order("B3", "NW", "RTB00000003"));                     // a resend on a second link, at once

        var acks = await Task.WhenAll(messages.Select(m => world.SendAsync(m)));

        Assert.All(acks, a => Assert.Equal("AA", Msa(a, 1)));
        Assert.Equal(acks[4], acks[^1]);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"B{i}").Prepend("S7").Append("B3"), acks.Select(a => Msa(a, 2)));
        var (batches, batched) = world.Ingest.Batched;
        Assert.Equal(messages.Count, batched);
        Assert.True(batches < batched, $"{batched} messages arriving together took {batches} transactions");
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(30, await db.Exams.CountAsync());
        Assert.Equal(ExamState.Ready,
            (await db.Exams.SingleAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.Parse("RTB00000007").Value!)).State);
        Assert.Equal(31, await db.InboundMessages.CountAsync());
        Assert.All(await db.InboundMessages.ToListAsync(), m => Assert.Equal(InboundStatus.Applied, m.Status));
        Assert.Equal(30, world.Announced.Count(c => c.Kind == WorklistChangeKind.ExamAdded));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AMessageThatCannotBeSavedIsAnsweredToBeResentAndItsResendIsApplied(DatabaseProvider provider)
    {
        var failing = new FailFirstExamSave();
        await using var world = await IngestWorld.CreateAsync(provider, failing);

        var first = await world.SendAsync(Order("M1", "NW", "RTA00000031"));

        Assert.Equal(("AE", "M1"), (Msa(first, 1), Msa(first, 2)));
        Assert.Contains("Not processed because of an internal error", first, StringComparison.Ordinal);
        Assert.Contains("resend it", first, StringComparison.Ordinal);

        await using (var db = world.Database.CreateDbContext())
        {
            var kept = await db.InboundMessages.SingleAsync();
            Assert.Equal((InboundStatus.Received, null), (kept.Status, kept.Ack));
            Assert.Contains("processed again when the sender resends", kept.Error, StringComparison.Ordinal);
            Assert.Equal(0, await db.Exams.CountAsync());
        }

        var resent = await world.SendAsync(Order("M1", "NW", "RTA00000031"));

        Assert.Equal("AA", Msa(resent, 1));
        await using (var db = world.Database.CreateDbContext())
        {
            Assert.Equal(InboundStatus.Applied, (await db.InboundMessages.SingleAsync()).Status);
            Assert.Equal(1, await db.Exams.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AMessageHeldWhileItsOrderReachedAnotherInstanceIsAppliedByTheSafetyNet(DatabaseProvider provider)
    {
        await using var world = await IngestWorld.CreateAsync(provider);
        await world.SendAsync(Order("M1", "NW", "RTA00000032"));
        Assert.Equal(0, await world.Ingest.SettleHeldAsync(CancellationToken.None));

        // Another instance held the status change, having looked for the order just before this one committed it.
        Guid trust;
        await using (var db = world.Database.CreateDbContext())
        {
            trust = (await db.Exams.SingleAsync()).TrustId;
            db.InboundMessages.Add(new InboundMessage
            {
                Id = Guid.NewGuid(), ReceivedAt = world.Clock.GetUtcNow(), Channel = "MLLP", Source = "other", SendingFacility = "RTA",
                    ControlId = "M2",
                MessageType = "ORM^O01", Raw = Order("M2", "SC", "RTA00000032", status: "CM"), Status = InboundStatus.Held,
                    Key = "RTA00000032", TrustId = trust, AckCode = "AA", Ack = "held",
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await world.Ingest.SettleHeldAsync(CancellationToken.None));

        await using (var db = world.Database.CreateDbContext())
        {
            Assert.Equal(ExamState.Ready, (await db.Exams.SingleAsync()).State);
            Assert.All(await db.InboundMessages.ToListAsync(), m => Assert.Equal(InboundStatus.Applied, m.Status));
        }

        Assert.Equal(0, await world.Ingest.SettleHeldAsync(CancellationToken.None));
    }

    internal static string Adt(string controlId, string trigger, string mrn, string family, string? merged = null) =>
        $"MSH|^~\\&|PAS|RTA|IW|NET|20261125093000||ADT^{trigger}|{controlId}|P|2.4\r" +
        $"PID|1||9434765919^^^NHS^NH~{mrn}^^^RTA^MR||{family}^Jane||19700102|F\r" +
        (merged is null ? string.Empty : $"MRG|{merged}\r");

    internal static string Result(string controlId, string accession, string status) =>
        $"MSH|^~\\&|RIS|RTA|IW|NET|20261125093000||ORU^R01|{controlId}|P|2.4\r" +
        "PID|1||A123456^^^RTA^MR||Smith^Jane||19700102|F\r" +
        $"OBR|1|P1|F1|XCHES^XR Chest|||20261125090000|||||||||||{accession}|||||||{status}\r" +
        "OBX|1|TX|REPORT||No acute abnormality.||||||F\r";

    internal static string Order(string controlId, string control, string accession, string status = "SC", string procedure = "XCHES",
        string priority = "U", string birth = "19700102", string nhs = "9434765919") =>
        $"MSH|^~\\&|RIS|RTA|IW|NET|20261125093000||ORM^O01|{controlId}|P|2.3\r" +
        $"PID|1||{nhs}^^^NHS^NH~A123456^^^RTA^MR||Smith^Jane||{birth}|F\r" +
        "PV1|1|O|RTA01^^^RTA01\r" +
        $"ORC|{control}|P1|F1||{status}\r" +
        $"OBR|1|P1|F1|{procedure}^XR Chest|{priority}||20261125090000||||||Cough|||||{accession}\r";

    internal static string Msa(string ack, int field) => Field(ack, "MSA", field);

    private static string Err(string ack, int field) => Field(ack, "ERR", field);

    private static string Field(string ack, string segment, int field) =>
        ack.Split('\r').First(s => s.StartsWith(segment, StringComparison.Ordinal)).Split('|').ElementAtOrDefault(field) ?? string.Empty;

    private sealed class IngestWorld : IAsyncDisposable
    {
        private readonly ClaimingWorld _world;

        private IngestWorld(ClaimingWorld world, Hl7Ingest ingest)
        {
            _world = world;
            Ingest = ingest;
        }

        public Hl7Ingest Ingest { get; }

        public TestDatabase Database => _world.Database;

        public Application.Engine.WorklistEngineHost Engine => _world.Engine;

        public List<Domain.Reporters.Reporter> Reporters => _world.Reporters;

        public List<WorklistChange> Announced => _world.Announced;

        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _world.Clock;

        public static async Task<IngestWorld> CreateAsync(DatabaseProvider provider, FailFirstExamSave? failing = null)
        {
            var world = await ClaimingWorld.CreateAsync(provider, reporters: 1, exams: 0);
            await using (var db = world.Database.CreateDbContext())
            {
                db.Procedures.Add(new Procedure("XCHES", "XR Chest", Modality.DX, "CHEST", Skill.Chest, 2));
                db.TurnaroundRules.AddRange(TurnaroundPolicy.DefaultRules());
                await db.SaveChangesAsync();
            }

            IDbContextFactory<WorklistDbContext> contexts = failing is null ? world.Database : new WithInterceptor(world.Database, failing);
            var ingest =
                new Hl7Ingest(contexts, world.Announce, world.Clock, new Hl7Settings(),
                new IngestReferenceData(world.Database, world.Clock), NullLogger<Hl7Ingest>.Instance);
            return new IngestWorld(world, ingest);
        }

        public async Task<string> SendAsync(string message, AccessScope? sender = null) =>
            (await Ingest.ReceiveAsync(message, "HTTP", "test", sender ?? AccessScope.WholeNetwork)).Ack;

        public async ValueTask DisposeAsync()
        {
            await Ingest.DisposeAsync();
            await _world.DisposeAsync();
        }
    }

    /// <summary>Contexts on the test database with one more interceptor, ahead of the app's own (as a failing database would be).</summary>
    private sealed class WithInterceptor(TestDatabase database, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor)
        : IDbContextFactory<WorklistDbContext>
    {
        public WorklistDbContext CreateDbContext() =>
            new((DbContextOptions<WorklistDbContext>)new DbContextOptionsBuilder<WorklistDbContext>().AddInterceptors(interceptor)
                .Configure(database.Provider, database.ConnectionString).Options);
    }

    /// <summary>The first save that would add an exam fails, as a database that drops the connection would.</summary>
    private sealed class FailFirstExamSave : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        private int _failed;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
                Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var addsExam = eventData.Context!.ChangeTracker.Entries<Exam>().Any(e => e.State == EntityState.Added);
            return addsExam && Interlocked.Exchange(ref _failed, 1) == 0
                ? throw new DbUpdateException("The connection to the database was lost (simulated).")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
