using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using static ImagingWorklist.Domain.Tests.Engine.EngineWorld;

namespace ImagingWorklist.Domain.Tests.Engine;

public class EligibilityTests
{
    private static readonly EnginePolicy Policy = EnginePolicy.Default;

    public static TheoryData<string, EngineReporter, EngineExam, int, IneligibilityReason?> Cases => new()
    {
        { "qualified consultant", Reporter(), Exam(), 0, null },
        { "no neuro skill for CT head", Reporter(skills: [new ReporterSkill(Skill.General, 2), new ReporterSkill(Skill.Chest, 3)]), Exam(),
            0, IneligibilityReason.MissingSkill },
        { "neuro level 1 for cross-sectional", Reporter(skills: [new ReporterSkill(Skill.Neuro, 1)]), Exam(), 0,
            IneligibilityReason.SkillLevelTooLow },
        { "general reporter takes plain film of any body part", Reporter(skills: [new ReporterSkill(Skill.General, 1)]),
            Exam(Skill.Musculoskeletal, Modality.DX, bodyPart: "KNEE"), 0, null },
        { "general reporter never takes breast", Reporter(skills: [new ReporterSkill(Skill.General, 2)]),
            Exam(Skill.Breast, Modality.MG, bodyPart: "BREAST"), 0, IneligibilityReason.MissingSkill },
        { "radiographer outside scope",
            Reporter(role: ProfessionalRole.ReportingRadiographer,
            skills: [new ReporterSkill(Skill.General, 1), new ReporterSkill(Skill.Chest, 2)], scope: ["DX:*"]),
            Exam(Skill.Chest, Modality.US, bodyPart: "CHEST"), 0, IneligibilityReason.OutsideScopeOfPractice },
        { "radiographer inside scope",
            Reporter(role: ProfessionalRole.ReportingRadiographer, skills: [new ReporterSkill(Skill.General, 1)], scope: ["DX:*"]),
            Exam(Skill.Chest, Modality.DX, bodyPart: "CHEST"), 0, null },
        { "no credential for trust B", Reporter(credentialedFor: [TrustA]), Exam(trust: TrustB, site: SiteB1), 0,
            IneligibilityReason.NoValidCredential },
        { "off duty", Reporter(onDuty: false), Exam(), 0, IneligibilityReason.NotOnDuty },
        { "on leave", Reporter(onLeave: true), Exam(), 0, IneligibilityReason.OnLeave },
        { "shift covers only trust A", Reporter(cover: CoverScope.Trusts, covered: [TrustA]), Exam(trust: TrustB, site: SiteB1), 0,
            IneligibilityReason.ShiftDoesNotCover },
        { "shift covers site A2 only", Reporter(cover: CoverScope.Sites, covered: [SiteA2]), Exam(), 0,
            IneligibilityReason.ShiftDoesNotCover },
        { "full", Reporter(capacity: 60), Exam(minutes: 20), 50, IneligibilityReason.OverCapacity },
        { "exactly full is fine", Reporter(capacity: 60), Exam(minutes: 10), 50, null },
        { "emergency bypasses capacity", Reporter(capacity: 60), Exam(pathway: Pathway.Emergency, minutes: 20), 50, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachRuleSaysNoWithItsOwnReason(string name, EngineReporter reporter, EngineExam exam, int held,
        IneligibilityReason? expected)
    {
        var verdict = Eligibility.Check(reporter, exam, held, Now, Policy);

        if (expected is null)
        {
            Assert.True(verdict.IsEligible, $"{name}: {string.Join("; ", verdict.Reasons.Select(r => r.Explanation))}");
        }
        else
        {
            Assert.Contains(verdict.Reasons, r => r.Reason == expected);
            Assert.All(verdict.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Explanation)));
        }
    }

    [Fact]
    public void EveryFailingRuleIsReportedNotJustTheFirst()
    {
        var reporter = Reporter(skills: [new ReporterSkill(Skill.Chest, 3)], credentialedFor: [TrustB], onDuty: false);

        var verdict = Eligibility.Check(reporter, Exam(), 0, Now, Policy);

        Assert.Equal(
            [IneligibilityReason.MissingSkill, IneligibilityReason.NoValidCredential, IneligibilityReason.NotOnDuty],
            verdict.Reasons.Select(r => r.Reason));
    }

    [Fact]
    public void AnExpiredCredentialDoesNotCount()
    {
        var reporter = Reporter() with { Credentials = [new EngineCredential(TrustA, Now.AddYears(-2), Now.AddMinutes(-1))] };

        Assert.Contains(Eligibility.Check(reporter, Exam(), 0, Now, Policy).Reasons,
            r => r.Reason == IneligibilityReason.NoValidCredential);
    }
}
