using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Domain.Tests.Research;

public class DataAccessRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static readonly ResearchCohort Cohort = new()
    {
        TrustCodes = ["RR8"], From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 11, 30), Modalities = [Modality.CT],
    };

    private static DataAccessDraft Draft(ResearchCohort? cohort = null, DateOnly? expires = null) =>
        new("CT head outcomes", "Audit of CT head findings after falls", "IRAS 123456", cohort ?? Cohort,
            ExtractFields.Modality | ExtractFields.ReportText, expires ?? new DateOnly(2027, 6, 30));

    [Fact]
    public void ARequestGoesFromDraftToApprovedAndRunsUntilItExpires()
    {
        var request = DataAccessRequest.Draft(Guid.NewGuid(), Draft(), "researcher", Now).ValueOrThrow();
        Assert.False(request.MayRun(Now).Succeeded);

        Assert.True(request.Submit("researcher", Now).Succeeded);
        Assert.True(request.Approve("guardian", "REC approval checked", Now).Succeeded);

        Assert.True(request.MayRun(Now).Succeeded);
        Assert.True(request.MayRun(new DateTimeOffset(2027, 6, 30, 22, 0, 0, TimeSpan.Zero)).Succeeded);
        var expired = request.MayRun(new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.False(expired.Succeeded);
        Assert.Contains("expired on 30/06/2027", expired.Reason, StringComparison.Ordinal);
        Assert.Equal(Pseudonymiser.SecretLength, request.Secret.Length);
    }

    [Fact]
    public void ALinkedApprovalSharesTheEarlierRequestsSecretAndOnlyAnApprovedOneCanBeLinked()
    {
        var earlier = DataAccessRequest.Draft(Guid.NewGuid(), Draft(), "researcher", Now).ValueOrThrow();
        var later = DataAccessRequest.Draft(Guid.NewGuid(), Draft() with { Title = "Follow-up" }, "researcher", Now).ValueOrThrow();
        earlier.Submit("researcher", Now);
        later.Submit("researcher", Now);

        Assert.False(later.Approve("guardian", null, Now, earlier).Succeeded);
        Assert.Equal(DataAccessState.Submitted, later.State);
        earlier.Approve("guardian", null, Now);
        Assert.True(later.Approve("guardian", "Same cohort, second year", Now, earlier).Succeeded);

        Assert.Equal(earlier.Id, later.LinkedToId);
        Assert.Equal(new Pseudonymiser(earlier.Secret).Pseudonym("P", "9434765919"),
            new Pseudonymiser(later.Secret).Pseudonym("P", "9434765919"));
    }

    [Theory]
    [InlineData("CT\u0000HEAD")]
    [InlineData("")]
    [InlineData("AVERYLONGPROCEDURECODETHATNOCATALOGUEHOLDS1")]
    public void AProcedureCodeThatCannotBeOneIsRefusedByName(string code)
    {
        var drafted = DataAccessRequest.Draft(Guid.NewGuid(), Draft(Cohort with { ProcedureCodes = ["CTHEAD", code] }), "researcher", Now);

        Assert.False(drafted.Succeeded);
        Assert.Contains("is not a procedure code", drafted.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', drafted.Reason!);
    }

    [Fact]
    public void TheRequesterCannotDecideTheirOwnRequest()
    {
        var request = DataAccessRequest.Draft(Guid.NewGuid(), Draft(), "researcher", Now).ValueOrThrow();
        request.Submit("researcher", Now);

        Assert.False(request.Approve("researcher", null, Now).Succeeded);
        Assert.Equal(DataAccessState.Submitted, request.State);
    }

    [Fact]
    public void ARefusalNeedsAReasonAndCannotThenRun()
    {
        var request = DataAccessRequest.Draft(Guid.NewGuid(), Draft(), "researcher", Now).ValueOrThrow();
        request.Submit("researcher", Now);

        Assert.False(request.Refuse("guardian", " ", Now).Succeeded);
        Assert.True(request.Refuse("guardian", "No ethics approval for report text", Now).Succeeded);
        Assert.Contains("refused", request.MayRun(Now).Reason, StringComparison.Ordinal);
        Assert.False(request.Approve("guardian", null, Now).Succeeded);
    }

    [Fact]
    public void OnlyADraftCanBeChangedAndOnlyByItsRequester()
    {
        var request = DataAccessRequest.Draft(Guid.NewGuid(), Draft(), "researcher", Now).ValueOrThrow();

        Assert.False(request.Edit(Draft() with { Title = "Other" }, "someone else", Now).Succeeded);
        request.Submit("researcher", Now);
        Assert.False(request.Edit(Draft() with { Title = "Other" }, "researcher", Now).Succeeded);
        Assert.Equal("CT head outcomes", request.Title);
    }

    [Fact]
    public void ADraftWithProblemsIsRefusedNamingEachOne()
    {
        var cohort = Cohort with { TrustCodes = [], From = new DateOnly(2027, 1, 1), AgeFrom = 80, AgeTo = 18 };
        var draft = new DataAccessDraft(" ", null, "IRAS 1", cohort,
            ExtractFields.None, new DateOnly(2030, 1, 1));

        var drafted = DataAccessRequest.Draft(Guid.NewGuid(), draft, "researcher", Now);

        Assert.False(drafted.Succeeded);
        foreach (var problem in new[] { "title", "purpose", "trust", "date range", "age range", "fields", "expiry" })
        {
            Assert.Contains(problem, drafted.Reason, StringComparison.OrdinalIgnoreCase);
        }
    }
}
