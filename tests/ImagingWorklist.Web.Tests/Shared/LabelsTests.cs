using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Web.Tests.Shared;

/// <summary>One vocabulary: pages, files and messages show words, never the code's names for things.</summary>
public class LabelsTests
{
    [Fact]
    public void EveryValueHasItsOwnWordsAndTheyReadBackAsTheSameValue()
    {
        AssertVocabulary<AuditAction>();
        AssertVocabulary<Pathway>();
        AssertVocabulary<ClinicalPriority>();
        AssertVocabulary<ExamState>();
        AssertVocabulary<ProfessionalRole>();
        AssertVocabulary<ShiftKind>();
        AssertVocabulary<AbsenceKind>();
        AssertVocabulary<ReportStatus>();
        AssertVocabulary<FindingCategory>();
        AssertVocabulary<CommunicationMethod>();
        AssertVocabulary<Skill>();
    }

    [Theory]
    [InlineData("On-call 1st", ShiftKind.OnCallFirst)]
    [InlineData("on-call 1st", ShiftKind.OnCallFirst)]
    [InlineData(" OnCallFirst ", ShiftKind.OnCallFirst)]
    [InlineData("Teleradiology cover", ShiftKind.Teleradiology)]
    public void AShiftKindIsReadFromItsWordsOrItsCodeName(string written, ShiftKind expected)
    {
        Assert.True(Labels.TryParse<ShiftKind>(written, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("On call")]
    public void NumbersAndNearMissesAreNotRead(string? written) => Assert.False(Labels.TryParse<ShiftKind>(written, out _));

    [Fact]
    public void MidSentenceALabelLosesItsCapitalButNotAnAcronym()
    {
        Assert.Equal("on-call 1st", Labels.InSentence(Labels.Of(ShiftKind.OnCallFirst)));
        Assert.Equal("ED", Labels.InSentence(Labels.Of(Pathway.Emergency)));
        Assert.Equal("GP direct access", Labels.InSentence(Labels.Of(Pathway.GpDirectAccess)));
    }

    [Theory]
    [InlineData(WorklistRoles.Radiologist, "Reporter")]
    [InlineData(WorklistRoles.RotaCoordinator, "Rota coordinator")]
    [InlineData(WorklistRoles.Manager, "Manager")]
    [InlineData(WorklistRoles.Admin, "Administrator")]
    public void RolesAreNamedAsPeopleSayThem(string role, string label) => Assert.Equal(label, WorklistRoles.Label(role));

    private static void AssertVocabulary<T>()
        where T : struct, Enum
    {
        var labels = Labels.All<T>();
        Assert.All(labels, l => Assert.DoesNotMatch("[a-z][A-Z]", l));
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Enum.GetValues<T>(), value =>
        {
            Assert.True(Labels.TryParse<T>(Labels.All<T>()[Array.IndexOf(Enum.GetValues<T>(), value)], out var read));
            Assert.Equal(value, read);
        });
    }
}
