using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Simulation;

/// <summary>What one run of one strategy produced, in the figures the comparison report uses.</summary>
public sealed record SimulationResult(
    Strategy Strategy,
    int Seed,
    int Exams,
    int Reported,
    int OpenAtEnd,
    int DueInPeriod,
    int Breaches,
    int UrgentDue,
    int UrgentBreaches,
    IReadOnlyDictionary<Pathway, (int Due, int OnTime)> ByPathway,
    double MedianTurnaroundHours,
    double P90TurnaroundHours,
    double MaxTurnaroundHours,
    int Over28Days,
    double RoutineMaxWaitHours,
    double WorkloadSpread,
    int Releases,
    IReadOnlyList<int> BacklogByHour,
    IReadOnlyList<int> BreachesByDay)
{
    /// <summary>When each exam of the workload was reported (by index), or null if still open at the end.</summary>
    public IReadOnlyList<DateTimeOffset?> ReportedAt { get; init; } = [];

    /// <summary>Every time a reporter started reading an exam: which, who and when (a release shows as a second start).</summary>
    public IReadOnlyList<ReadingStart> Starts { get; init; } = [];

    /// <summary>Share of exams due in the period that were reported by their due time.</summary>
    public double OnTimeShare => DueInPeriod == 0 ? 1 : 1 - ((double)Breaches / DueInPeriod);

    public double OnTimeShareFor(Pathway pathway) =>
        ByPathway.TryGetValue(pathway, out var p) && p.Due > 0 ? (double)p.OnTime / p.Due : double.NaN;

    internal static SimulationResult From(
        SimulationScenario scenario,
        Workload workload,
        Strategy strategy,
        IReadOnlyList<DateTimeOffset?> reportedAt,
        IReadOnlyList<SimReporter> reporters,
        IReadOnlyList<int> backlogByHour,
        IReadOnlyList<ReadingStart> starts)
    {
        var end = scenario.End;
        var days = (int)Math.Ceiling(scenario.Length.TotalDays);
        var breachesByDay = new int[days];
        var byPathway = new Dictionary<Pathway, (int Due, int OnTime)>();
        var turnaround = new List<double>();
        int reported = 0, dueInPeriod = 0, breaches = 0, urgentDue = 0, urgentBreaches = 0, over28 = 0;
        var routineMaxWait = 0.0;
        foreach (var exam in workload.Exams)
        {
            var done = reportedAt[exam.Index];
            var waited = (done ?? end) - exam.ArrivesAt;
            if (done is not null)
            {
                reported++;
                turnaround.Add(waited.TotalHours);
            }

            if (waited > TurnaroundPolicy.HardMaximum)
            {
                over28++;
            }

            if (!exam.IsUrgent)
            {
                routineMaxWait = Math.Max(routineMaxWait, waited.TotalHours);
            }

            if (exam.Exam.DueAt > end)
            {
                continue;
            }

            var late = done is null || done > exam.Exam.DueAt;
            dueInPeriod++;
            var counts = byPathway.GetValueOrDefault(exam.Exam.Pathway);
            byPathway[exam.Exam.Pathway] = (counts.Due + 1, counts.OnTime + (late ? 0 : 1));
            if (exam.IsUrgent)
            {
                urgentDue++;
            }

            if (late)
            {
                breaches++;
                urgentBreaches += exam.IsUrgent ? 1 : 0;
                var day = (int)((exam.Exam.DueAt < scenario.Start ? scenario.Start : exam.Exam.DueAt) - scenario.Start).TotalDays;
                breachesByDay[Math.Min(day, days - 1)]++;
            }
        }

        turnaround.Sort();
        return new SimulationResult(
            strategy,
            workload.Seed,
            workload.Exams.Count,
            reported,
            workload.Exams.Count - reported,
            dueInPeriod,
            breaches,
            urgentDue,
            urgentBreaches,
            byPathway,
            Quantile(turnaround, 0.5),
            Quantile(turnaround, 0.9),
            turnaround.Count == 0 ? 0 : turnaround[^1],
            over28,
            routineMaxWait,
            Spread(reporters, scenario),
            reporters.Sum(r => r.Releases),
            backlogByHour,
            breachesByDay)
        {
            ReportedAt = reportedAt,
            Starts = starts,
        };
    }

    /// <summary>Nearest-rank quantile of sorted values.</summary>
    internal static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>
    /// Workload balance: the coefficient of variation of reporters' utilisation (minutes read over rostered reading
    /// capacity in the period); 0 is perfectly even.
    /// </summary>
    private static double Spread(IReadOnlyList<SimReporter> reporters, SimulationScenario scenario)
    {
        var utilisation = new List<double>();
        foreach (var reporter in reporters)
        {
            var capacity = reporter.Reporter.Shifts
                .Where(s => s.End > scenario.Start && s.Start < scenario.End)
                .Sum(s => s.CapacityMinutes * Overlap(s.Start, s.End, scenario.Start, scenario.End) / (s.End - s.Start).TotalMinutes);
            if (capacity > 0)
            {
                utilisation.Add(reporter.MinutesRead / capacity);
            }
        }

        if (utilisation.Count < 2)
        {
            return 0;
        }

        var mean = utilisation.Average();
        var variance = utilisation.Sum(u => (u - mean) * (u - mean)) / (utilisation.Count - 1);
        return mean == 0 ? 0 : Math.Sqrt(variance) / mean;
    }

    private static double Overlap(DateTimeOffset a0, DateTimeOffset a1, DateTimeOffset b0, DateTimeOffset b1)
    {
        var start = a0 > b0 ? a0 : b0;
        var end = a1 < b1 ? a1 : b1;
        return end > start ? (end - start).TotalMinutes : 0;
    }
}
