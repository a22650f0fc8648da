using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Simulation;

/// <summary>
/// The work of one replication, drawn once from a seed and given unchanged to every strategy (common random numbers):
/// the same exams arrive at the same instants and take the same reading time whoever reads them, so differences
/// between strategies are the strategies', not the dice's.
/// </summary>
public sealed class Workload
{
    private Workload(IReadOnlyList<SimExam> exams, int seed)
    {
        Exams = exams;
        Seed = seed;
    }

    public IReadOnlyList<SimExam> Exams { get; }

    public int Seed { get; }

    public static Workload Generate(SimulationScenario scenario, int seed)
    {
        // Separate streams, so adding an arrival kind does not shift every reading time.
        var arrivals = new Random(seed);
        var reading = new Random(unchecked((seed * 7919) + 17));
        var exams = new List<SimExam>(scenario.Backlog.Count + 1024);
        foreach (var open in scenario.Backlog.Where(e => e.ClaimedBy is null).OrderBy(e => e.ReadyAt).ThenBy(e => e.Id))
        {
            exams.Add(Draw(exams.Count, open, scenario.Behaviour, reading, fromBacklog: true));
        }

        var fresh = new List<EngineExam>();
        var hours = (int)Math.Ceiling(scenario.Length.TotalHours);
        for (var h = 0; h < hours; h++)
        {
            var hourStart = scenario.Start.AddHours(h);
            var hourOfWeek = ArrivalKind.HourOfWeek(hourStart);
            foreach (var kind in scenario.Arrivals)
            {
                var count = Poisson(arrivals, kind.PerHourOfWeek[hourOfWeek]);
                for (var i = 0; i < count; i++)
                {
                    var at = hourStart.AddSeconds(Math.Floor(arrivals.NextDouble() * 3600));
                    if (at >= scenario.End)
                    {
                        continue;
                    }

                    var p = kind.Procedure;
                    fresh.Add(new EngineExam(
                        IdFor(seed, fresh.Count),
                        kind.TrustId,
                        kind.SiteId,
                        p.Modality,
                        p.BodyPart,
                        p.RequiredSkill,
                        p.ExpectedReadingMinutes,
                        kind.Pathway,
                        kind.Priority,
                        at,
                        scenario.Turnaround.DueAt(at, kind.Pathway, kind.PatientClass, p.Modality, kind.Priority),
                        $"sim-{seed}-{fresh.Count}",
                        p.Description));
                }
            }
        }

        foreach (var exam in fresh.OrderBy(e => e.ReadyAt).ThenBy(e => e.PatientKey, StringComparer.Ordinal))
        {
            exams.Add(Draw(exams.Count, exam, scenario.Behaviour, reading, fromBacklog: false));
        }

        return new Workload(exams, seed);
    }

    /// <summary>Ids from the seed, so a run is the same run in any process.</summary>
    private static Guid IdFor(int seed, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, seed);
        BitConverter.TryWriteBytes(bytes[4..], index);
        bytes[15] = 0x51;
        return new Guid(bytes);
    }

    private static SimExam Draw(int index, EngineExam exam, SimulationBehaviour behaviour, Random random, bool fromBacklog)
    {
        // Log-normal with the expected minutes as its mean: exp(σZ − σ²/2) has mean 1.
        var sigma = behaviour.ReadingTimeSpread;
        var minutes = exam.ExpectedMinutes * Math.Exp((sigma * Normal(random)) - (sigma * sigma / 2));
        var releaseRoll = random.NextDouble();
        var releaseFraction = random.NextDouble();
        double? releasedAfter = releaseRoll < behaviour.ReleaseProbability ? Math.Max(0.5, minutes * releaseFraction * 0.5) : null;
        return new SimExam(index, exam, Math.Max(0.5, minutes), releasedAfter, fromBacklog);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        // 1 − U keeps the logarithm finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static int Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}
