using System.Globalization;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FollowUps;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImagingWorklist.Application.Tests.FollowUps;

/// <summary>Follow-up recommendations tracked to closure across the network's trusts, through the real ingest.</summary>
public class FollowUpServiceTests
{
    private const string SameNhs = "9434765919";
    private const string OtherNhs = "4010232137";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARecommendationMadeAtOneTrustIsClosedByAMatchingOrderFromAnother(DatabaseProvider provider)
    {
        await using var world = await FollowUpWorld.CreateAsync(provider);
        var id = await world.RecommendAsync("XCHES", "3 months");

        // Another procedure, or the same procedure for another patient, leaves it open.
        Assert.Equal("AA", await world.OrderAsync("RTB", "B0001", "XABDO", SameNhs));
        Assert.Equal("AA", await world.OrderAsync("RTB", "B0002", "XCHES", OtherNhs));
        Assert.Equal(FollowUpStatus.Open, (await world.RowAsync(id)).Status);

        Assert.Equal("AA", await world.OrderAsync("RTB", "B0003", "XCHES", SameNhs));

        var row = await world.RowAsync(id);
        Assert.Equal(FollowUpStatus.Done, row.Status);
        Assert.Equal("XR Chest ordered at Beta Trust (B0003)", row.DoneBy);
        Assert.StartsWith("Done: XR Chest ordered at Beta Trust (B0003)", FollowUpWords.Status(row), StringComparison.Ordinal);
        Assert.Contains(world.Claiming.Announced, c => c.Kind == WorklistChangeKind.ReportingChanged && c.ExamId == world.Source.Id);
        await using var db = world.Claiming.Database.CreateDbContext();
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.FollowUpCompleted && a.ExamId == world.Source.Id
            && a.Detail.Contains("B0003", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnUnmatchedRecommendationBecomesDueSoonThenOverdueAndIsClosedByHandWithAReason(DatabaseProvider provider)
    {
        await using var world = await FollowUpWorld.CreateAsync(provider);
        var id = await world.RecommendAsync("XCHES", "6 weeks");
        Assert.Empty(await world.Service.ListAsync(AccessScope.WholeNetwork, FollowUpView.NeedsAction));

        world.Claiming.Clock.Advance(TimeSpan.FromDays(35));
        var soon = Assert.Single(await world.Service.ListAsync(AccessScope.WholeNetwork, FollowUpView.NeedsAction));
        Assert.Equal((id, true, false), (soon.Id, soon.DueSoon, soon.Overdue));
        Assert.Empty(await world.Service.ListAsync(AccessScope.WholeNetwork, FollowUpView.Overdue));

        world.Claiming.Clock.Advance(TimeSpan.FromDays(14));
        var overdue = Assert.Single(await world.Service.ListAsync(AccessScope.WholeNetwork, FollowUpView.Overdue));
        Assert.True(overdue.Overdue);
        Assert.StartsWith("Overdue since", FollowUpWords.Status(overdue), StringComparison.Ordinal);

        // A trust's manager sees only their trust's list; done elsewhere needs a where.
        Assert.Empty(await world.Service.ListAsync(AccessScope.ForTrusts(["RTB"]), FollowUpView.All));
        var manager = new Actor("manager");
        Assert.Equal("There is no such recommendation among the trusts you may see.",
            (await world.Service.CloseAsync(id, FollowUpClosure.NotNeeded, null, manager, AccessScope.ForTrusts(["RTB"]))).Reason);
        Assert.Contains("where and when",
            (await world.Service.CloseAsync(id, FollowUpClosure.DoneElsewhere, " ", manager, AccessScope.WholeNetwork)).Reason,
            StringComparison.Ordinal);
        Assert.True(
            (await world.Service.CloseAsync(id, FollowUpClosure.DoneElsewhere, "CT chest at a private hospital, 2 Jan", manager,
            AccessScope.WholeNetwork)).Succeeded);
        Assert.Equal("This recommendation is already closed.",
            (await world.Service.CloseAsync(id, FollowUpClosure.NotNeeded, null, manager, AccessScope.WholeNetwork)).Reason);

        var closed = await world.RowAsync(id);
        Assert.Equal((FollowUpStatus.Closed, FollowUpClosure.DoneElsewhere, "manager"), (closed.Status, closed.Closure, closed.ClosedBy));
        Assert.Empty(await world.Service.ListAsync(AccessScope.WholeNetwork, FollowUpView.Overdue));
        await using var db = world.Claiming.Database.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditAction.FollowUpClosed);
        Assert.Equal(("manager", "CT chest at a private hospital, 2 Jan"), (audit.Actor, audit.Reason));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AMergeOfTwoPatientRecordsCarriesOpenRecommendationsToTheSurvivingPatient(DatabaseProvider provider)
    {
        await using var world = await FollowUpWorld.CreateAsync(provider);
        var id = await world.RecommendAsync("XCHES", "3 months");

        // The trust merges the exam's record (M0000001) into A777, whose NHS number is another.
        Assert.Equal("AA", await world.SendAsync(
            $"MSH|^~\\&|PAS|RTA|IW|NET|{world.Stamp()}||ADT^A40|MG1|P|2.4\rPID|1||" +
                $"{OtherNhs}^^^NHS^NH~A777^^^RTA^MR||Test^Patient||19600601|F\rMRG|M0000001\r"));
        await using (var db = world.Claiming.Database.CreateDbContext())
        {
            var followUp = await db.FollowUps.SingleAsync(f => f.Id == id);
            Assert.Equal(("A777", OtherNhs), (followUp.PatientMrn, followUp.PatientNhsNumber));
        }

        // The surviving patient's order at another trust now closes it; the merged-away number no longer would.
        Assert.Equal("AA", await world.OrderAsync("RTB", "B0009", "XCHES", OtherNhs));
        Assert.Equal(FollowUpStatus.Done, (await world.RowAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OnlyAReporterWorkingOnTheExamRecommendsAndAClinicalReviewWaitsForAPerson(DatabaseProvider provider)
    {
        await using var world = await FollowUpWorld.CreateAsync(provider);
        var outsider = world.Claiming.Reporters[1];
        var request =
            new FollowUpRequest("XCHES", UkCalendar.DayOf(world.Claiming.Clock.GetUtcNow()).AddMonths(3), "6 mm nodule",
            FollowUpRecipient.Referrer, "Dr Z Ahmed");
        Assert.Equal("Only a reporter working on this exam may recommend a follow-up.",
            (await world.Service.RecommendAsync(world.Source.Id, outsider.Id, request, world.Claiming.As(1))).Reason);
        Assert.Contains("not a procedure in the network's catalogue",
            (await world.Service.RecommendAsync(world.Source.Id, world.Reporter.Id, request with { ProcedureCode = "NOPE" },
                world.Claiming.As(0))).Reason, StringComparison.Ordinal);
        Assert.Contains("after today",
            (await world.Service.RecommendAsync(world.Source.Id, world.Reporter.Id, request with { DueBy = new DateOnly(2026, 1, 1) },
            world.Claiming.As(0))).Reason,
            StringComparison.Ordinal);

        var review = await world.RecommendAsync(null, "2 weeks");
        Assert.Equal("AA", await world.OrderAsync("RTA", "A0001", "XCHES", SameNhs));

        var row = await world.RowAsync(review);
        Assert.Equal((FollowUpStatus.Open, "Clinical review"), (row.Status, row.What));
    }

    private sealed class FollowUpWorld : IAsyncDisposable
    {
        private int _control;

        private FollowUpWorld(ClaimingWorld claiming, Hl7Ingest ingest, FollowUpService service)
        {
            Claiming = claiming;
            Ingest = ingest;
            Service = service;
        }

        public ClaimingWorld Claiming { get; }

        public Hl7Ingest Ingest { get; }

        public FollowUpService Service { get; }

        /// <summary>The exam the recommendations come from: at Alpha Trust, NHS 943 476 5919, record M0000001.</summary>
        public Exam Source => Claiming.Exams[0];

        public Reporter Reporter => Claiming.Reporters[0];

        public static async Task<FollowUpWorld> CreateAsync(DatabaseProvider provider)
        {
            var claiming = await ClaimingWorld.CreateAsync(provider, reporters: 2, exams: 1);
            await using (var db = claiming.Database.CreateDbContext())
            {
                db.Procedures.Add(new Procedure("XCHES", "XR Chest", Modality.DX, "CHEST", Skill.Chest, 2));
                db.Procedures.Add(new Procedure("XABDO", "XR Abdomen", Modality.DX, "ABDOMEN", Skill.Abdominal, 2));
                db.TurnaroundRules.AddRange(TurnaroundPolicy.DefaultRules());
                await db.SaveChangesAsync();
            }

            var claimed = await claiming.Claims.ClaimAsync(claiming.Exams[0].Id, claiming.Reporters[0].Id, claiming.As(0));
            Assert.True(claimed.Succeeded, claimed.Reason);
            var service = new FollowUpService(claiming.Database, claiming.Announce, new FollowUpPolicy(), claiming.Clock);
            var ingest =
                new Hl7Ingest(claiming.Database, claiming.Announce, claiming.Clock, new Hl7Settings(),
                new IngestReferenceData(claiming.Database, claiming.Clock),
                NullLogger<Hl7Ingest>.Instance, [service]);
            return new FollowUpWorld(claiming, ingest, service);
        }

        public async Task<Guid> RecommendAsync(string? procedure, string when)
        {
            var due = FollowUpDue.Parse(when, UkCalendar.DayOf(Claiming.Clock.GetUtcNow()))!.Value;
            var recommended = await Service.RecommendAsync(Source.Id, Reporter.Id,
                new FollowUpRequest(procedure, due, "6 mm solid nodule, right lower lobe", FollowUpRecipient.GeneralPractitioner,
                    "Dr P Jones, Riverside Surgery"), Claiming.As(0));
            Assert.True(recommended.Succeeded, recommended.Reason);
            return recommended.Value;
        }

        public async Task<FollowUpRow> RowAsync(Guid id) =>
            Assert.Single(await Service.ListAsync(AccessScope.WholeNetwork, FollowUpView.All, followUpId: id));

        public string Stamp() => UkCalendar.ToLocal(Claiming.Clock.GetUtcNow()).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        /// <summary>A new order from a trust's RIS, for a patient known there by a record number of its own.</summary>
        public Task<string> OrderAsync(string trust, string accession, string procedure, string nhs) => SendAsync(
            $"MSH|^~\\&|RIS|{trust}|IW|NET|{Stamp()}||ORM^O01|C{Interlocked.Increment(ref _control)}|P|2.3\r" +
            $"PID|1||{nhs}^^^NHS^NH~{trust}-{nhs}^^^{trust}^MR||Test^Patient||19600601|F\r" +
            $"PV1|1|O|{trust}01^^^{trust}01\r" +
            "ORC|NW|P1|F1||SC\r" +
            $"OBR|1|P1|F1|{procedure}^Follow-up|R||||||||Follow-up of nodule|||||{accession}\r");

        public async Task<string> SendAsync(string message)
        {
            var ack = (await Ingest.ReceiveAsync(message, "HTTP", "test", AccessScope.WholeNetwork)).Ack;
            return ack.Split('\r').First(s => s.StartsWith("MSA", StringComparison.Ordinal)).Split('|')[1];
        }

        public async ValueTask DisposeAsync()
        {
            await Ingest.DisposeAsync();
            await Claiming.DisposeAsync();
        }
    }
}
