using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Domain.Tests.Reporting;

public class FollowUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly FollowUpPolicy Policy = new();
    private static readonly FollowUpWhat ChestCt = new("CTCHE", Modality.CT, "CHEST", "CT Chest");
    private static readonly TurnaroundPolicy Turnaround = new(TurnaroundPolicy.DefaultRules());
    private static readonly Guid TrustA = Guid.NewGuid();
    private static readonly Guid TrustB = Guid.NewGuid();

    [Theory]
    [InlineData("6 weeks", 2027, 1, 6)]
    [InlineData("3 months", 2027, 2, 25)]
    [InlineData("1 year", 2027, 11, 25)]
    [InlineData("10 days", 2026, 12, 5)]
    [InlineData("05/03/2027", 2027, 3, 5)]
    [InlineData("5 Mar 2027", 2027, 3, 5)]
    public void ADueDateIsWrittenAsAnIntervalOrAUkDate(string written, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FollowUpDue.Parse(written, Today));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0 weeks")]
    [InlineData("-3 months")]
    [InlineData("3 fortnights")]
    [InlineData("03/25/2027")]
    public void AnythingElseIsNotADueDate(string written) => Assert.Null(FollowUpDue.Parse(written, Today));

    [Fact]
    public void AnOrderMeetsItWhenPatientProcedureAndWindowAllMatch()
    {
        var source = Order(TrustA, "9434765919", "XCHES", Modality.DX, "CHEST", Now.AddHours(-1), "M0000001");
        var followUp =
            FollowUp.Recommend(Guid.NewGuid(), source, ChestCt, Today.AddMonths(3), "Nodule", FollowUpRecipient.Referrer, "Dr Z",
            Guid.NewGuid(), Now).ValueOrThrow();

        Assert.True(followUp.IsMetBy(Order(TrustB, "9434765919", "OTHER", Modality.CT, "CHEST", Now.AddMonths(3)), Policy));
        Assert.True(followUp.IsMetBy(Order(TrustB, "9434765919", "CTCHE", Modality.CT, "THORAX", Now.AddDays(1)), Policy));
        Assert.False(followUp.IsMetBy(Order(TrustB, "4010232137", "CTCHE", Modality.CT, "CHEST", Now.AddDays(1)), Policy));
        Assert.False(followUp.IsMetBy(Order(TrustB, "9434765919", "CTABD", Modality.CT, "ABDOMEN", Now.AddDays(1)), Policy));
        Assert.False(followUp.IsMetBy(Order(TrustB, "9434765919", "CTCHE", Modality.CT, "CHEST", Now.AddDays(-30)), Policy));
        Assert.False(followUp.IsMetBy(Order(TrustB, "9434765919", "CTCHE", Modality.CT, "CHEST", Now.AddMonths(3).AddDays(92)), Policy));

        // Without an NHS number, only the recommending trust's own record number matches.
        Assert.True(followUp.IsMetBy(Order(TrustA, null, "CTCHE", Modality.CT, "CHEST", Now.AddDays(1), "M0000001"), Policy));
        Assert.False(followUp.IsMetBy(Order(TrustB, null, "CTCHE", Modality.CT, "CHEST", Now.AddDays(1), "M0000001"), Policy));
    }

    [Fact]
    public void ItNeedsAReasonARecipientAndADateAheadAndClosesOnce()
    {
        var source = Order(TrustA, "9434765919", "XCHES", Modality.DX, "CHEST", Now.AddHours(-1), "M0000001");
        Assert.Contains("why",
            FollowUp.Recommend(Guid.NewGuid(), source, ChestCt, Today.AddMonths(3), " ", FollowUpRecipient.Referrer, "Dr Z",
            Guid.NewGuid(), Now).Reason, StringComparison.Ordinal);
        Assert.Contains("who should arrange",
            FollowUp.Recommend(Guid.NewGuid(), source, ChestCt, Today.AddMonths(3), "Nodule", FollowUpRecipient.Referrer, "",
            Guid.NewGuid(), Now).Reason, StringComparison.Ordinal);
        Assert.Contains("after today",
            FollowUp.Recommend(Guid.NewGuid(), source, ChestCt, Today, "Nodule", FollowUpRecipient.Referrer, "Dr Z", Guid.NewGuid(), Now)
            .Reason, StringComparison.Ordinal);

        var followUp =
            FollowUp.Recommend(Guid.NewGuid(), source, FollowUpWhat.ClinicalReview, Today.AddDays(10), "Nodule",
            FollowUpRecipient.GeneralPractitioner, "Dr Y", Guid.NewGuid(), Now).ValueOrThrow();
        Assert.True(followUp.IsDueSoonOn(Today, Policy));
        Assert.True(followUp.IsOverdueOn(Today.AddDays(11)));
        Assert.False(followUp.IsMetBy(Order(TrustB, "9434765919", "CTCHE", Modality.CT, "CHEST", Now.AddDays(1)), Policy));
        Assert.True(followUp.Close(FollowUpClosure.PatientDeceased, null, "manager", Now).Succeeded);
        Assert.False(followUp.Close(FollowUpClosure.NotNeeded, null, "manager", Now).Succeeded);
        Assert.False(followUp.IsOverdueOn(Today.AddDays(11)));
    }

    [Fact]
    public void TextThatCannotBeStoredIsRefusedNamingTheFieldAndNonAsciiIsKept()
    {
        var source = Order(TrustA, "9434765919", "XCHES", Modality.DX, "CHEST", Now.AddHours(-1), "M0000001");
        Assert.StartsWith("The reason contains a NUL character (0x00) at position 4",
            FollowUp.Recommend(Guid.NewGuid(), source, ChestCt, Today.AddMonths(3), "Nod\0ule", FollowUpRecipient.Referrer, "Dr Z",
                Guid.NewGuid(), Now).Reason, StringComparison.Ordinal);
        Assert.StartsWith("The name contains half of a character",
            FollowUp.Recommend(Guid.NewGuid(), source, ChestCt, Today.AddMonths(3), "Nodule", FollowUpRecipient.Referrer, "Dr \ud800",
                Guid.NewGuid(), Now).Reason, StringComparison.Ordinal);
        var followUp =
            FollowUp.Recommend(Guid.NewGuid(), source, ChestCt, Today.AddMonths(3), "Nodule, 6 mm — Œdème?", FollowUpRecipient.Referrer,
            "Dr Zoë Ñúñez", Guid.NewGuid(), Now)
            .ValueOrThrow();
        Assert.Equal("Dr Zoë Ñúñez", followUp.RecipientName);
        Assert.StartsWith("The note contains a NUL", followUp.Close(FollowUpClosure.NotNeeded, "\0", "manager", Now).Reason,
            StringComparison.Ordinal);
        Assert.True(followUp.IsOpen);
    }

    private static Exam Order(Guid trust, string? nhs, string code, Modality modality, string bodyPart, DateTimeOffset at,
        string mrn = "X1")
    {
        var order = new ExamOrder(
            Guid.NewGuid(), trust, Guid.NewGuid(),
                Domain.Identifiers.AccessionNumber.FromTrusted("ACC" + Guid.NewGuid().ToString("N")[..8]), null,
            new Patient(nhs, mrn, "Test", "Patient", new DateOnly(1960, 6, 1), Sex.Female), modality, bodyPart, code, code,
                Domain.Reporters.Skill.Chest, 10,
            Pathway.Outpatient, PatientClass.Outpatient, ClinicalPriority.Routine, "Follow-up", at, at);
        return Exam.Order(order, Turnaround, at);
    }
}
