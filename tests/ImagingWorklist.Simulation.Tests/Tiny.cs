using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Simulation.Tests;

/// <summary>Hand-built networks: one trust, one site, exams placed by hand, reading times exactly as expected.</summary>
internal static class Tiny
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    public static readonly Guid Trust = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Site = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly TurnaroundPolicy Turnaround = new(TurnaroundPolicy.DefaultRules());
    private static int _next;

    public static EngineReporter Consultant(string name, params (double From, double To)[] sessions) =>
        new(Guid.NewGuid(), name, ProfessionalRole.ConsultantRadiologist,
            [new ReporterSkill(Skill.General, 2), new ReporterSkill(Skill.Neuro, 3), new ReporterSkill(Skill.Chest, 3)], [],
            [new EngineCredential(Trust, Monday.AddYears(-1), null)],
            [.. sessions.Select(s =>
                new EngineShift(Monday.AddHours(s.From), Monday.AddHours(s.To), ShiftKind.InHoursSession, CoverScope.Network, [],
                (int)((s.To - s.From) * 60)))],
            []);

    public static EngineExam Exam(string description, double readyHour, Pathway pathway, ClinicalPriority priority,
        Modality modality = Modality.CT, int minutes = 16)
    {
        var ready = Monday.AddHours(readyHour);
        var patientClass = pathway == Pathway.Emergency ? PatientClass.Emergency : PatientClass.Outpatient;
        return new EngineExam(Guid.NewGuid(), Trust, Site, modality, modality == Modality.CT ? "HEAD" : "CHEST", modality == Modality.CT
            ? Skill.Neuro : Skill.Chest,
            minutes, pathway, priority, ready, Turnaround.DueAt(ready, pathway, patientClass, modality, priority),
                $"tiny-{Interlocked.Increment(ref _next)}", description);
    }

    public static SimulationScenario Scenario(double startHour, double hours, IReadOnlyList<EngineReporter> reporters,
        params EngineExam[] exams) =>
        new("Tiny", Monday.AddHours(startHour), TimeSpan.FromHours(hours), reporters, exams, [], Turnaround)
        {
            Behaviour = new SimulationBehaviour { ReadingTimeSpread = 0, ReleaseProbability = 0 },
        };

    /// <summary>The descriptions of the exams in the order they were first started.</summary>
    public static IReadOnlyList<string> Order(SimulationResult result, Workload workload) =>
        [.. result.Starts.OrderBy(s => s.At).Select(s => workload.Exams[s.Exam].Exam.Description).Distinct()];
}
