using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Tests.Exams;

public class ExamLifecycleTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(20);
    private static readonly DateTimeOffset Now = ExamBuilder.Now;

    [Fact]
    public void AnOrderedExamBecomesReadyAndItsDueTimeRunsFromTheExamination()
    {
        var exam = ExamBuilder.Ordered(Pathway.Emergency);
        var performed = Now.AddMinutes(-30);

        var outcome = exam.MarkReady(performed, Now, ExamBuilder.Policy);

        Assert.True(outcome.Succeeded);
        Assert.Equal(ExamState.Ready, exam.State);
        Assert.Equal(Now, exam.ReadyAt);
        Assert.Equal(performed.AddHours(1), exam.DueAt);
    }

    [Fact]
    public void ClaimingAReadyExamGivesTheReporterALease()
    {
        var exam = ExamBuilder.Ready();
        var reporter = Guid.NewGuid();
        var token = Guid.NewGuid();
        var version = exam.Version;

        var claim = exam.Claim(reporter, token, Lease, Now);

        Assert.True(claim.Succeeded);
        Assert.Equal(ExamState.Claimed, exam.State);
        Assert.Equal(new Domain.Exams.Claim(reporter, token, Now, Now + Lease), exam.CurrentClaim);
        Assert.Equal(version + 1, exam.Version);
    }

    [Fact]
    public void ClaimIsRejectedWhenAnotherReporterHoldsTheLease()
    {
        var exam = ExamBuilder.Ready();
        exam.Claim(Guid.NewGuid(), Guid.NewGuid(), Lease, Now);
        var version = exam.Version;

        var second = exam.Claim(Guid.NewGuid(), Guid.NewGuid(), Lease, Now.AddMinutes(5));

        Assert.False(second.Succeeded);
        Assert.Contains("already claimed by another reporter", second.Reason);
        Assert.Equal(version, exam.Version);
    }

    [Fact]
    public void AWithdrawnClaimIsOnlyTheOneWhoseHolderLostAccess()
    {
        var exam = ExamBuilder.Ready();
        var (lapsed, colleague) = (Guid.NewGuid(), Guid.NewGuid());
        exam.Claim(colleague, Guid.NewGuid(), Lease, Now);

        var wrongHolder = exam.WithdrawClaim(lapsed, Now.AddMinutes(1));

        Assert.False(wrongHolder.Succeeded);
        Assert.Equal((ExamState.Claimed, colleague), (exam.State, exam.ClaimedById));
        Assert.True(exam.WithdrawClaim(colleague, Now.AddMinutes(2)).Succeeded);
        Assert.Equal((ExamState.Ready, (Guid?)null), (exam.State, exam.ClaimedById));
        Assert.False(exam.WithdrawClaim(colleague, Now.AddMinutes(3)).Succeeded);
    }

    [Fact]
    public void AnExpiredLeaseCanBeTakenOverByAnotherReporter()
    {
        var exam = ExamBuilder.Ready();
        exam.Claim(Guid.NewGuid(), Guid.NewGuid(), Lease, Now);
        var next = Guid.NewGuid();

        var takeover = exam.Claim(next, Guid.NewGuid(), Lease, Now + Lease);

        Assert.True(takeover.Succeeded);
        Assert.Equal(next, exam.ClaimedById);
    }

    [Fact]
    public void RenewingTheLeaseExtendsItOnlyForTheHolder()
    {
        var exam = ExamBuilder.Ready();
        var token = Guid.NewGuid();
        exam.Claim(Guid.NewGuid(), token, Lease, Now);

        Assert.False(exam.RenewLease(Guid.NewGuid(), Lease, Now.AddMinutes(10)).Succeeded);
        Assert.True(exam.RenewLease(token, Lease, Now.AddMinutes(10)).Succeeded);
        Assert.Equal(Now.AddMinutes(30), exam.LeaseExpiresAt);
    }

    [Fact]
    public void AHolderWhoseLeaseLapsedCannotRenewIt()
    {
        var exam = ExamBuilder.Ready();
        var token = Guid.NewGuid();
        exam.Claim(Guid.NewGuid(), token, Lease, Now);

        var renew = exam.RenewLease(token, Lease, Now + Lease);

        Assert.False(renew.Succeeded);
        Assert.Contains("expired", renew.Reason);
    }

    [Fact]
    public void ReleasingReturnsTheExamToThePool()
    {
        var exam = ExamBuilder.Ready();
        var token = Guid.NewGuid();
        exam.Claim(Guid.NewGuid(), token, Lease, Now);

        Assert.True(exam.Release(token, Now.AddMinutes(1)).Succeeded);
        Assert.Equal(ExamState.Ready, exam.State);
        Assert.Null(exam.CurrentClaim);
    }

    [Fact]
    public void LeaseExpiryReleasesOnlyAfterTheLeaseRunsOut()
    {
        var exam = ExamBuilder.Ready();
        exam.Claim(Guid.NewGuid(), Guid.NewGuid(), Lease, Now);

        Assert.False(exam.ExpireLease(Now + Lease - TimeSpan.FromSeconds(1)).Succeeded);
        Assert.True(exam.ExpireLease(Now + Lease).Succeeded);
        Assert.Equal(ExamState.Ready, exam.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AHoldNeedsAReason(string reason)
    {
        var exam = ExamBuilder.Ready();

        var hold = exam.Hold(reason, Now);

        Assert.False(hold.Succeeded);
        Assert.Equal(ExamState.Ready, exam.State);
    }

    [Fact]
    public void AHeldExamCannotBeClaimedUntilResumed()
    {
        var exam = ExamBuilder.Ready();
        exam.Hold("Awaiting priors", Now);

        Assert.False(exam.Claim(Guid.NewGuid(), Guid.NewGuid(), Lease, Now).Succeeded);
        Assert.True(exam.Resume(Now).Succeeded);
        Assert.True(exam.Claim(Guid.NewGuid(), Guid.NewGuid(), Lease, Now).Succeeded);
    }

    [Fact]
    public void OnlyTheHolderCanFinalise()
    {
        var exam = ExamBuilder.Ready();
        var holder = Guid.NewGuid();
        exam.Claim(holder, Guid.NewGuid(), Lease, Now);

        Assert.False(exam.Finalise(Guid.NewGuid(), Now).Succeeded);
        Assert.True(exam.Finalise(holder, Now.AddMinutes(15)).Succeeded);
        Assert.Equal(ExamState.Final, exam.State);
        Assert.Equal(Now.AddMinutes(15), exam.ReportedAt);
        Assert.Null(exam.CurrentClaim);
    }

    [Fact]
    public void APreliminaryReportKeepsTheClaimUntilFinal()
    {
        var exam = ExamBuilder.Ready();
        var holder = Guid.NewGuid();
        var token = Guid.NewGuid();
        exam.Claim(holder, token, Lease, Now);

        Assert.True(exam.RecordPreliminary(token, Now.AddMinutes(5)).Succeeded);
        Assert.Equal(ExamState.Preliminary, exam.State);
        Assert.Equal(holder, exam.ClaimedById);
        Assert.True(exam.Finalise(holder, Now.AddMinutes(10)).Succeeded);
    }

    public static TheoryData<string, Func<Exam, bool>> ForbiddenAfterFinal => new()
    {
        { "claim", e => e.Claim(Guid.NewGuid(), Guid.NewGuid(), Lease, Now).Succeeded },
        { "hold", e => e.Hold("reason", Now).Succeeded },
        { "cancel", e => e.Cancel(Now).Succeeded },
        { "ready", e => e.MarkReady(Now, Now, ExamBuilder.Policy).Succeeded },
        { "resume", e => e.Resume(Now).Succeeded },
    };

    [Theory]
    [MemberData(nameof(ForbiddenAfterFinal))]
    public void AFinalExamRefusesEveryTransitionButAmend(string name, Func<Exam, bool> transition)
    {
        var exam = ExamBuilder.Ready();
        var holder = Guid.NewGuid();
        exam.Claim(holder, Guid.NewGuid(), Lease, Now);
        exam.Finalise(holder, Now);
        var version = exam.Version;

        Assert.False(transition(exam), name);
        Assert.Equal(ExamState.Final, exam.State);
        Assert.Equal(version, exam.Version);
        Assert.True(exam.Amend(Now).Succeeded);
        Assert.Equal(ExamState.Amended, exam.State);
    }

    [Fact]
    public void CancellingAClaimedExamClearsTheClaim()
    {
        var exam = ExamBuilder.Ready();
        exam.Claim(Guid.NewGuid(), Guid.NewGuid(), Lease, Now);

        Assert.True(exam.Cancel(Now).Succeeded);
        Assert.Equal(ExamState.Cancelled, exam.State);
        Assert.Null(exam.CurrentClaim);
        Assert.False(exam.IsOverdueAt(Now.AddYears(1)));
    }

    [Theory]
    [InlineData(ExamState.Ready, true)]
    [InlineData(ExamState.Claimed, true)]
    [InlineData(ExamState.OnHold, true)]
    [InlineData(ExamState.Preliminary, true)]
    [InlineData(ExamState.Ordered, false)]
    [InlineData(ExamState.Final, false)]
    [InlineData(ExamState.Amended, false)]
    [InlineData(ExamState.Cancelled, false)]
    public void TheBacklogHoldsExamsThatAreReadyAndNotFinalised(ExamState state, bool open)
    {
        Assert.Equal(open, state.IsOpen());
    }

    [Fact]
    public void ARegistrarsSignatureLeavesTheExamOpenUntilAConsultantVerifiesIt()
    {
        var exam = ExamBuilder.Ready();
        var registrar = Guid.NewGuid();
        exam.Claim(registrar, Guid.NewGuid(), Lease, Now);

        Assert.False(exam.SubmitForVerification(Guid.NewGuid(), Now).Succeeded);
        Assert.True(exam.SubmitForVerification(registrar, Now.AddMinutes(10)).Succeeded);

        Assert.Equal(ExamState.AwaitingVerification, exam.State);
        Assert.True(exam.State.IsOpen());
        Assert.Null(exam.CurrentClaim);
        Assert.Null(exam.ReportedAt);
        Assert.Null(Domain.Engine.EngineExam.From(exam));

        Assert.True(exam.Verify(Now.AddMinutes(40)).Succeeded);
        Assert.Equal((ExamState.Final, Now.AddMinutes(40)), (exam.State, exam.ReportedAt!.Value));
        Assert.False(exam.Verify(Now.AddMinutes(41)).Succeeded);
    }

    [Fact]
    public void AReturnedReportGivesTheExamBackToTheRegistrarWithAFreshLease()
    {
        var exam = ExamBuilder.Ready();
        var registrar = Guid.NewGuid();
        exam.Claim(registrar, Guid.NewGuid(), Lease, Now);
        exam.SubmitForVerification(registrar, Now);
        var token = Guid.NewGuid();

        Assert.True(exam.ReturnForRevision(registrar, token, Lease, Now.AddHours(1)).Succeeded);

        Assert.Equal(new Domain.Exams.Claim(registrar, token, Now.AddHours(1), Now.AddHours(1) + Lease), exam.CurrentClaim);
        Assert.Equal(ExamState.Claimed, exam.State);
        Assert.False(exam.ReturnForRevision(registrar, token, Lease, Now.AddHours(1)).Succeeded);
    }
}
