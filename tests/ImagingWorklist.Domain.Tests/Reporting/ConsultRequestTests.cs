using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Domain.Tests.Reporting;

public class ConsultRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APoolQuestionIsClosedByTheFirstAnswer()
    {
        var asker = Guid.NewGuid();
        var consult =
            ConsultRequest.Ask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), asker, null, Skill.Neuro, "Is this an acute infarct?", Now)
            .ValueOrThrow();

        Assert.Equal("You cannot answer your own question.", consult.Respond(asker, "yes", Now).Reason);
        var first = Guid.NewGuid();
        Assert.True(consult.Respond(first, "Yes: acute left MCA territory infarct.", Now.AddMinutes(9)).Succeeded);
        Assert.Equal("This question has already been answered.", consult.Respond(Guid.NewGuid(), "no", Now.AddMinutes(10)).Reason);
        Assert.Equal((ConsultStatus.Answered, first, Now.AddMinutes(9)),
            (consult.Status, consult.AnsweredById!.Value, consult.AnsweredAt!.Value));
    }

    [Fact]
    public void ANamedQuestionIsForThatColleagueOnly()
    {
        var named = Guid.NewGuid();
        var consult =
            ConsultRequest.Ask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), named, Skill.Neuro, "Opinion please", Now)
            .ValueOrThrow();

        Assert.Equal("This question was put to a named colleague.", consult.Respond(Guid.NewGuid(), "x", Now).Reason);
        Assert.True(consult.Respond(named, "Agreed.", Now).Succeeded);
    }

    [Fact]
    public void OnlyTheAskerWithdrawsAndNobodyAsksThemselves()
    {
        var asker = Guid.NewGuid();
        Assert.False(ConsultRequest.Ask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), asker, asker, Skill.Chest, "?", Now).Succeeded);
        Assert.False(ConsultRequest.Ask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), asker, null, Skill.Chest, " ", Now).Succeeded);

        var consult = ConsultRequest.Ask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), asker, null, Skill.Chest, "Nodule?", Now)
            .ValueOrThrow();
        Assert.False(consult.Withdraw(Guid.NewGuid()).Succeeded);
        Assert.True(consult.Withdraw(asker).Succeeded);
        Assert.Equal("This request was withdrawn.", consult.Respond(Guid.NewGuid(), "late", Now).Reason);
    }

    [Fact]
    public void TheTemplateForAnExamIsItsProceduresElseItsModalitys()
    {
        var ctHead = ReportTemplate.Create(Guid.NewGuid(), "CT head", Modality.CT, "chead", "Head text").ValueOrThrow();
        var ctAny = ReportTemplate.Create(Guid.NewGuid(), "CT", Modality.CT, null, "Any CT").ValueOrThrow();
        var mrAny = ReportTemplate.Create(Guid.NewGuid(), "MR", Modality.MR, " ", "Any MR").ValueOrThrow();

        Assert.Equal("CHEAD", ctHead.ProcedureCode);
        Assert.Null(mrAny.ProcedureCode);
        Assert.Same(ctHead, ReportTemplate.For([ctAny, ctHead, mrAny], Modality.CT, "CHEAD"));
        Assert.Same(ctAny, ReportTemplate.For([ctAny, ctHead, mrAny], Modality.CT, "CCHES"));
        Assert.Null(ReportTemplate.For([ctAny, ctHead], Modality.US, "UABDO"));
        Assert.False(ReportTemplate.Create(Guid.NewGuid(), "", Modality.CT, null, "x").Succeeded);
    }
}
