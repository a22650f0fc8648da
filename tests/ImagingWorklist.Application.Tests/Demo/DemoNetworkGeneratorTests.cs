using ImagingWorklist.Application.Demo;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Demo;

public class DemoNetworkGeneratorTests
{
    private static readonly DemoNetwork Network = new DemoNetworkGenerator(new DemoNetworkOptions()).Generate(TestClock.Now);

    private static IEnumerable<Exam> Open => Network.Exams.Where(e => e.State.IsOpen());

    [Fact]
    public void TheSameSeedAndClockGiveTheSameNetwork()
    {
        var again = new DemoNetworkGenerator(new DemoNetworkOptions()).Generate(TestClock.Now);

        Assert.Equal(Network.Exams.Select(e => (e.Id, e.Accession.Value, e.DueAt)),
            again.Exams.Select(e => (e.Id, e.Accession.Value, e.DueAt)));
        Assert.Equal(Network.Reporters.Select(r => r.DisplayName), again.Reporters.Select(r => r.DisplayName));
    }

    [Theory]
    [InlineData(20231109)]
    [InlineData(7)]
    [InlineData(424242)]
    public void EverySeededShiftKeepsTheRulesACoordinatorIsHeldTo(int seed)
    {
        var network = seed == new DemoNetworkOptions().RandomSeed ? Network
            : new DemoNetworkGenerator(new DemoNetworkOptions { RandomSeed = seed }).Generate(TestClock.Now);
        var context = new RotaContext(
            "Seeded reporter",
            network.Shifts,
            network.Absences,
            network.Credentials,
            network.Sites.ToDictionary(s => s.Id, s => s.TrustId),
            network.Trusts.ToDictionary(t => t.Id, t => t.Name),
            Domain.Common.UkCalendar.Zone);

        var refused = network.Shifts
            .Select(s =>
                (Shift: s,
                Problems: RotaChecks.Check(
                new ShiftPlan(s.Id, s.ReporterId, s.Kind, s.Start, s.End, s.Scope, s.CoveredIds, s.CapacityMinutes), context)))
            .SelectMany(c => c.Problems.Where(p => p.Refuses).Select(p => $"{c.Shift.Kind} {c.Shift.Start:u}–{c.Shift.End:u}: {p.Message}"))
            .ToList();

        Assert.True(refused.Count == 0, string.Join("\n", refused.Take(20)));
    }

    [Fact]
    public void TheNetworkHasTheAdvertisedShape()
    {
        Assert.Equal(6, Network.Trusts.Count);
        Assert.InRange(Network.Sites.Count, 12, 13);
        Assert.InRange(Network.Reporters.Count, 80, 81);
        Assert.Equal(3000, Open.Count());
        Assert.Contains(Network.Reporters, r => r.Role == ProfessionalRole.Registrar);
        Assert.Contains(Network.Reporters, r => r.Role == ProfessionalRole.ReportingRadiographer);
        Assert.True(Network.Exams.Count(e => e.State == ExamState.Final) > 3000, "a history of reported exams for the dashboards");
    }

    [Fact]
    public void EverySyntheticNhsNumberIsInTheTestRangeAndPassesItsCheckDigit()
    {
        var numbers = Network.Exams.Select(e => e.Patient).ToList();

        Assert.All(numbers, p =>
        {
            Assert.NotNull(p.NhsNumber);
            Assert.StartsWith("999", p.NhsNumber.Value, StringComparison.Ordinal);
            Assert.True(NhsNumber.Parse(p.NhsNumber.Value).Succeeded);
        });
    }

    [Theory]
    [InlineData(new[] { Modality.DX, Modality.CR }, 0.45, 0.55)]
    [InlineData(new[] { Modality.US }, 0.16, 0.24)]
    [InlineData(new[] { Modality.CT }, 0.10, 0.15)]
    [InlineData(new[] { Modality.MR }, 0.045, 0.09)]
    public void TheModalityMixFollowsTheNhsProportions(Modality[] modalities, double low, double high)
    {
        var share = (double)Open.Count(e => modalities.Contains(e.Modality)) / Open.Count();

        Assert.InRange(share, low, high);
    }

    [Fact]
    public void TheBacklogHasUrgentWorkAndAFewOverdueExams()
    {
        Assert.Contains(Open, e => e.Pathway == Pathway.Emergency);
        Assert.Contains(Open, e => e.Pathway == Pathway.Inpatient);
        Assert.Contains(Open, e => e.Pathway == Pathway.UrgentSuspectedCancer);
        var overdue = Open.Count(e => e.IsOverdueAt(TestClock.Now));
        Assert.InRange(overdue, 1, Open.Count() / 4);
        Assert.Contains(Open, e => e.State == ExamState.Claimed);
        Assert.Contains(Open, e => e.State == ExamState.OnHold);

        // Nobody starts the demo holding more reading than their shift allows: the product would refuse that claim.
        var capacity = Network.Shifts.Where(s => s.IsOnDutyAt(TestClock.Now)).GroupBy(s => s.ReporterId)
            .ToDictionary(g => g.Key, g => g.Max(s => s.CapacityMinutes));
        Assert.All(
            Open.Where(e => e.State == ExamState.Claimed).GroupBy(e => e.ClaimedById!.Value),
            held => Assert.True(held.Sum(e => e.ExpectedReadingMinutes) <= capacity[held.Key],
                $"{held.Sum(e => e.ExpectedReadingMinutes)} minutes held of {capacity[held.Key]}"));
    }

    /// <summary>
    /// Every claim the demo starts with is one the product would have allowed (credential valid now for the exam's
    /// trust, skill, scope, a shift covering it): otherwise the lapsed-claim sweep takes them back at start-up and every
    /// reporter's first screen is a list of withdrawn cases.
    /// </summary>
    [Fact]
    public void EverySeededClaimPassesTheEnginesEligibilityRule()
    {
        var claimed = Open.Where(e => e.State == ExamState.Claimed).ToList();

        Assert.NotEmpty(claimed);
        Assert.All(claimed, exam =>
        {
            var holder = Network.Reporters.Single(r => r.Id == exam.ClaimedById);
            var asEngineSees = Domain.Engine.EngineReporter.From(holder, Network.Credentials, Network.Shifts, Network.Absences);
            var verdict =
                Domain.Engine.Eligibility.Check(asEngineSees, Domain.Engine.EngineExam.Snapshot(exam), 0, TestClock.Now,
                Domain.Engine.EnginePolicy.Default);
            Assert.True(verdict.IsEligible,
                $"{holder.DisplayName} holds {exam.ProcedureDescription}: {string.Join("; ", verdict.Reasons.Select(r => r.Explanation))}");
        });
    }

    /// <summary>The reported history too: each report was started by someone the engine would have let claim it then.</summary>
    [Fact]
    public void EveryHistoricalReportWasClaimedBySomeoneOnDutyAndEligibleThen()
    {
        var signed = Network.Reports.Where(r => r.SignedAt is not null).ToList();
        var exams = Network.Exams.ToDictionary(e => e.Id);
        var views =
            Network.Reporters.ToDictionary(r => r.Id,
            r => Domain.Engine.EngineReporter.From(r, Network.Credentials, Network.Shifts, Network.Absences));

        var refused =
            signed.Where(r =>
            !Domain.Engine.Eligibility.Check(views[r.AuthorId],
            Domain.Engine.EngineExam.Snapshot(exams[r.ExamId]) with { ClaimedBy = null },
            0, r.CreatedAt, Domain.Engine.EnginePolicy.Default).IsEligible).ToList();

        Assert.True(signed.Count > 1000, $"{signed.Count} signed reports");
        Assert.True(refused.Count == 0,
            $"{refused.Count} of {signed.Count} historical reports were claimed by someone who could not have claimed them then: "
            + string.Join("; ", refused.Take(5)
                .Select(r =>
                string.Join(", ",
                Domain.Engine.Eligibility.Check(views[r.AuthorId],
                Domain.Engine.EngineExam.Snapshot(exams[r.ExamId]) with { ClaimedBy = null },
                0, r.CreatedAt, Domain.Engine.EnginePolicy.Default).Reasons.Select(x => x.Explanation)))));
    }

    [Fact]
    public void TheRotaHasSessionsOutOfHoursCoverAndLeave()
    {
        Assert.Contains(Network.Shifts, s => s.Kind == ShiftKind.InHoursSession);
        Assert.Contains(Network.Shifts, s => s.Kind == ShiftKind.OnCallFirst);
        Assert.Contains(Network.Shifts, s => s.Kind == ShiftKind.OutOfHoursHotReporting);
        Assert.Contains(Network.Shifts, s => s.Kind == ShiftKind.Teleradiology);
        Assert.NotEmpty(Network.Absences);
        Assert.DoesNotContain(Network.Shifts, s => Network.Absences.Any(a => a.ReporterId == s.ReporterId && a.Overlaps(s.Start, s.End)));
        Assert.Contains(Network.Shifts, s => s.IsOnDutyAt(TestClock.Now));
    }

    [Fact]
    public void SomeCredentialsAreAboutToExpireAndEveryReporterMayReportForTheirHomeTrust()
    {
        Assert.Contains(Network.Credentials, c => c.ExpiresWithin(TimeSpan.FromDays(14), TestClock.Now));
        Assert.All(Network.Reporters,
            r => Assert.Contains(Network.Credentials, c => c.ReporterId == r.Id && c.TrustId == r.HomeTrustId
            && c.IsValidAt(TestClock.Now)));
    }

    [Fact]
    public void EverySeededAlertAndFollowUpWasMadeByTheReportsAuthorAndKeepsTheirRules()
    {
        var reports = Network.Reports.Where(r => r.SignedAt is not null).ToDictionary(r => r.ExamId);
        var today = Domain.Common.UkCalendar.DayOf(TestClock.Now);
        Assert.InRange(Network.Findings.Count, 30, 200);
        Assert.InRange(Network.FollowUps.Count, 50, 300);
        Assert.All(Network.Findings, f =>
        {
            Assert.Equal(reports[f.ExamId].AuthorId, f.RaisedById);
            Assert.True(f.RaisedAt < reports[f.ExamId].SignedAt);
            Assert.NotNull(f.CommunicatedAt);
            Assert.True(f.AcknowledgedAt is null || f.AcknowledgedAt >= f.CommunicatedAt);
            Assert.True(f.EscalatedAt is null || f.EscalatedAt == f.AcknowledgeBy);
            Assert.NotEqual(f.Category == FindingCategory.Cancer, f.SuspectedPrimarySite is null);
            Assert.False(f.Category == FindingCategory.Critical && f.Method == CommunicationMethod.SecureMessage);
        });
        Assert.Contains(Network.Findings, f => f.State == FindingState.Acknowledged && f.EscalatedAt is not null);
        Assert.All(Network.FollowUps, f =>
        {
            Assert.Equal((reports[f.ExamId].AuthorId, reports[f.ExamId].SignedAt), (f.RecommendedById, (DateTimeOffset?)f.RecommendedAt));
            Assert.True(f.DueBy > Domain.Common.UkCalendar.DayOf(f.RecommendedAt));
            Assert.False(string.IsNullOrWhiteSpace(f.RecipientName));
        });
        Assert.Contains(Network.FollowUps, f => f.IsOverdueOn(today));
        Assert.Contains(Network.FollowUps, f => f.IsDueSoonOn(today, new FollowUpPolicy()));
    }

    [Fact]
    public void SomePatientsHaveMoreThanOneOpenExam()
    {
        Assert.Contains(Open.GroupBy(e => e.Patient.NhsNumber!.Value), g => g.Count() > 1);
    }
}
