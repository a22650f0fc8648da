using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Domain.Tests.Exams;

internal static class ExamBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static readonly TurnaroundPolicy Policy = new(TurnaroundPolicy.DefaultRules());

    public static Exam Ordered(Pathway pathway = Pathway.Outpatient, Modality modality = Modality.CT,
        ClinicalPriority priority = ClinicalPriority.Routine) =>
        Exam.Order(
            new ExamOrder(
                Guid.NewGuid(),
                Guid.NewGuid(),
                Guid.NewGuid(),
                AccessionNumber.FromTrusted("RZ100000001"),
                StudyInstanceUid.FromTrusted("1.2.826.0.1.3680043.8.498.1"),
                new Patient("9434765919", "M1234567", "Smith", "Ava", new DateOnly(1950, 3, 14), Sex.Female),
                modality,
                "HEAD",
                "CHEAD",
                "CT Head",
                Skill.Neuro,
                16,
                pathway,
                pathway == Pathway.Emergency ? PatientClass.Emergency : PatientClass.Outpatient,
                priority,
                "Headache",
                Now.AddHours(-2),
                null),
            Policy,
            Now.AddHours(-2));

    public static Exam Ready(Pathway pathway = Pathway.Outpatient)
    {
        var exam = Ordered(pathway);
        Assert.True(exam.MarkReady(Now.AddHours(-1), Now.AddMinutes(-50), Policy).Succeeded);
        return exam;
    }
}
