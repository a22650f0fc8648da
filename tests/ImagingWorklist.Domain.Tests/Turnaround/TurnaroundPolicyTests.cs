using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Domain.Tests.Turnaround;

public class TurnaroundPolicyTests
{
    private static readonly TurnaroundPolicy Defaults = new(TurnaroundPolicy.DefaultRules());

    [Theory]
    [InlineData(Pathway.Emergency, PatientClass.Emergency, Modality.CT, ClinicalPriority.Asap, 60)]
    [InlineData(Pathway.Inpatient, PatientClass.Inpatient, Modality.DX, ClinicalPriority.Routine, 24 * 60)]
    [InlineData(Pathway.Inpatient, PatientClass.Inpatient, Modality.CR, ClinicalPriority.Routine, 24 * 60)]
    [InlineData(Pathway.Inpatient, PatientClass.Inpatient, Modality.CT, ClinicalPriority.Routine, 48 * 60)]
    [InlineData(Pathway.UrgentSuspectedCancer, PatientClass.Outpatient, Modality.CT, ClinicalPriority.Urgent, 7 * 24 * 60)]
    [InlineData(Pathway.Outpatient, PatientClass.Outpatient, Modality.MR, ClinicalPriority.Routine, 21 * 24 * 60)]
    [InlineData(Pathway.GpDirectAccess, PatientClass.GeneralPractice, Modality.US, ClinicalPriority.Routine, 21 * 24 * 60)]
    [InlineData(Pathway.Screening, PatientClass.Outpatient, Modality.MG, ClinicalPriority.Routine, 28 * 24 * 60)]
    [InlineData(Pathway.Outpatient, PatientClass.Outpatient, Modality.CT, ClinicalPriority.Stat, 60)]
    public void TheDefaultTableGivesTheDomainTargets(Pathway pathway, PatientClass patientClass, Modality modality,
        ClinicalPriority priority, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Defaults.TargetFor(pathway, patientClass, modality, priority));
    }

    [Fact]
    public void TheMostSpecificRuleWinsWhateverTheOrderOfTheTable()
    {
        var general = new TurnaroundRule(Guid.NewGuid(), Pathway.Outpatient, null, null, null, TimeSpan.FromDays(14), "general");
        var specific = new TurnaroundRule(Guid.NewGuid(), Pathway.Outpatient, null, Modality.MR, null, TimeSpan.FromDays(20), "specific");

        var policy = new TurnaroundPolicy([general, specific]);

        Assert.Equal(TimeSpan.FromDays(20),
            policy.TargetFor(Pathway.Outpatient, PatientClass.Outpatient, Modality.MR, ClinicalPriority.Routine));
        Assert.Equal(TimeSpan.FromDays(14),
            policy.TargetFor(Pathway.Outpatient, PatientClass.Outpatient, Modality.CT, ClinicalPriority.Routine));
    }

    [Fact]
    public void EquallySpecificRulesResolveToTheShorterSaferTarget()
    {
        var byPathway = new TurnaroundRule(Guid.NewGuid(), Pathway.Outpatient, null, null, null, TimeSpan.FromDays(21), "a");
        var byPriority = new TurnaroundRule(Guid.NewGuid(), null, null, null, ClinicalPriority.Urgent, TimeSpan.FromDays(2), "b");

        var policy = new TurnaroundPolicy([byPathway, byPriority]);

        Assert.Equal(TimeSpan.FromDays(2),
            policy.TargetFor(Pathway.Outpatient, PatientClass.Outpatient, Modality.CT, ClinicalPriority.Urgent));
    }

    [Fact]
    public void NoTargetExceedsTheFourWeekMaximum()
    {
        var lax = new TurnaroundRule(Guid.NewGuid(), null, null, null, null, TimeSpan.FromDays(90), "too lax");

        var policy = new TurnaroundPolicy([lax]);

        Assert.Equal(TimeSpan.FromDays(28),
            policy.TargetFor(Pathway.Outpatient, PatientClass.Outpatient, Modality.CT, ClinicalPriority.Routine));
    }

    [Fact]
    public void AnEmptyTableStillEnforcesTheFourWeekMaximum()
    {
        var policy = new TurnaroundPolicy([]);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(start.AddDays(28),
            policy.DueAt(start, Pathway.Screening, PatientClass.Outpatient, Modality.MG, ClinicalPriority.Routine));
    }

    [Fact]
    public void ANonPositiveTargetIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TurnaroundRule(Guid.NewGuid(), null, null, null, null, TimeSpan.Zero, "zero"));
    }
}
