using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Domain.Tests.Reporters;

public class ReporterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Reporter Make(ProfessionalRole role, params string[] scope) =>
        new(Guid.NewGuid(), "Test Reporter", role, "1234567", Guid.NewGuid(), [new ReporterSkill(Skill.General, 2)], scope);

    [Theory]
    [InlineData(ProfessionalRole.ConsultantRadiologist, new string[0], Modality.MR, "HEAD", true)]
    [InlineData(ProfessionalRole.ReportingRadiographer, new[] { "DX:*" }, Modality.DX, "KNEE", true)]
    [InlineData(ProfessionalRole.ReportingRadiographer, new[] { "DX:*" }, Modality.CT, "HEAD", false)]
    [InlineData(ProfessionalRole.ReportingRadiographer, new[] { "dx:*", "ct:head" }, Modality.CT, "head", true)]
    [InlineData(ProfessionalRole.ReportingRadiographer, new string[0], Modality.DX, "CHEST", false)]
    [InlineData(ProfessionalRole.Registrar, new[] { "CT:*" }, Modality.MR, "HEAD", false)]
    public void ScopeOfPracticeLimitsWhatAReporterMayReport(ProfessionalRole role, string[] scope, Modality modality, string bodyPart,
        bool allowed)
    {
        Assert.Equal(allowed, Make(role, scope).MayReport(modality, bodyPart));
    }

    [Fact]
    public void RegistrarReportsNeedConsultantVerification()
    {
        Assert.True(Make(ProfessionalRole.Registrar).NeedsVerification);
        Assert.False(Make(ProfessionalRole.ConsultantRadiologist).NeedsVerification);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void SkillLevelsRunFromOneToThree(int level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReporterSkill(Skill.Neuro, level));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    public void ACredentialIsValidFromItsStartUntilJustBeforeItsEnd(int daysFromStart, bool valid)
    {
        var credential = new Credential(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, Now.AddDays(30));

        Assert.Equal(valid, credential.IsValidAt(Now.AddDays(daysFromStart)));
    }

    [Fact]
    public void ACredentialThatEndsBeforeItStartsIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new Credential(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, Now.AddDays(-1)));
    }

    [Theory]
    [InlineData(CoverScope.Network, false, false, true)]
    [InlineData(CoverScope.Trusts, true, false, true)]
    [InlineData(CoverScope.Trusts, false, true, false)]
    [InlineData(CoverScope.Sites, false, true, true)]
    [InlineData(CoverScope.Sites, true, false, false)]
    public void AShiftCoversWhatItsScopeNames(CoverScope scope, bool listsTrust, bool listsSite, bool covers)
    {
        var trust = Guid.NewGuid();
        var site = Guid.NewGuid();
        Guid[] covered = [.. (listsTrust ? new[] { trust } : []), .. (listsSite ? new[] { site } : []), Guid.NewGuid()];
        var shift = new RotaShift(Guid.NewGuid(), Guid.NewGuid(), ShiftKind.InHoursSession, Now, Now.AddHours(4), scope, covered, 200);

        Assert.Equal(covers, shift.Covers(trust, site));
    }

    [Fact]
    public void AShiftIsOnDutyFromItsStartUntilJustBeforeItsEnd()
    {
        var shift =
            new RotaShift(Guid.NewGuid(), Guid.NewGuid(), ShiftKind.OnCallFirst, Now, Now.AddHours(14), CoverScope.Network, [], 240);

        Assert.True(shift.IsOnDutyAt(Now));
        Assert.False(shift.IsOnDutyAt(Now.AddHours(14)));
        Assert.True(shift.IsOutOfHours);
    }

    [Fact]
    public void AScopedShiftMustNameWhatItCovers()
    {
        Assert.Throws<ArgumentException>(() =>
            new RotaShift(Guid.NewGuid(), Guid.NewGuid(), ShiftKind.InHoursSession, Now, Now.AddHours(4), CoverScope.Trusts, [], 200));
    }
}
