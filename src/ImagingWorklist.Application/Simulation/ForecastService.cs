using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Application.Simulation;

/// <summary>
/// The next seven days from the current backlog, the arrival pattern of the last four weeks and the rota as it stands
/// (the what-if simulation, engine in pull mode), with the single most useful action: for each of the two skill × modality
/// pairs with most projected breaches, one extra four-hour session just before their first breach or before their peak,
/// simulated on the same work; the one that avoids most breaches is named.
/// </summary>
public sealed class ForecastService(WhatIfService whatIf)
{
    public const int DefaultReplications = 4;
    public const int Candidates = 2;
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(4);

    public async Task<Forecast> RunAsync(bool suggestAction, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var current = await whatIf.CurrentAsync(cancellationToken);
        return await WhatIfService.RunExclusiveAsync(() =>
            Compute(current, suggestAction, DefaultReplications, progress, cancellationToken), cancellationToken, progress);
    }

    public static Forecast Compute(SimulationScenario scenario, bool suggestAction, int replications = DefaultReplications,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var workloads = Replications.Workloads(scenario, replications);
        var counter = new RunCounter(progress, replications * (suggestAction ? 1 + (2 * Candidates) : 1));
        SimulationResult[] RunAll(SimulationScenario s)
            => Replications.RunOn(s, workloads, Strategy.EnginePull, WhatIfService.Cores, counter.Done, cancellationToken);

        var baseline = RunAll(scenario);
        var days = (int)Math.Ceiling(scenario.Length.TotalDays);
        var late =
            workloads.SelectMany((w, r) =>
            w.Exams.Where(e => e.Exam.DueAt <= scenario.End && (baseline[r].ReportedAt[e.Index] is not { } at || at > e.Exam.DueAt)))
            .ToList();
        var hotspots = late
            .GroupBy(e => (e.Exam.RequiredSkill, e.Exam.Modality))
            .Select(g => (g.Key.RequiredSkill, g.Key.Modality, Breaches: (double)g.Count() / replications))
            .OrderByDescending(h => h.Breaches)
            .ToList();

        ForecastAction? action = null;
        if (suggestAction)
        {
            foreach (var (skill, modality, _) in hotspots.Take(Candidates))
            {
                var theirs = late.Where(e => e.Exam.RequiredSkill == skill && e.Exam.Modality == modality).ToList();
                foreach (var start in Starts(theirs, scenario))
                {
                    var with = RunAll(scenario.WithReporters([.. scenario.Reporters, Session(skill, scenario, start)]));
                    var avoided = baseline.Average(r => r.Breaches) - with.Average(r => r.Breaches);
                    if (avoided >= 0.5 && (action is null || avoided > action.BreachesAvoided))
                    {
                        action = new ForecastAction(skill, modality, start, SessionLength, avoided);
                    }
                }
            }
        }

        progress?.Report(1.0);
        return new Forecast(
            scenario.Start,
            replications,
            scenario.Backlog.Count,
            scenario.Backlog.Count(e => e.DueAt <= scenario.Start),
            baseline.Average(r => r.Breaches),
            baseline.Average(r => r.UrgentBreaches),
            baseline.Average(r => r.OpenAtEnd),
            [.. Enumerable.Range(0, days).Select(d => new ForecastDay(
                scenario.Start.AddDays(d),
                baseline.Average(r => d == days - 1 ? r.OpenAtEnd : r.BacklogByHour[Math.Min((d + 1) * 24, r.BacklogByHour.Count - 1)]),
                baseline.Average(r => r.BreachesByDay[d])))],
            [.. hotspots.Take(8)],
            action);
    }

    /// <summary>
    /// Where a session could help: just before the first of these breaches (once work is late the engine serves the
    /// oldest first, so capacity after the pile-up clears late work rather than preventing breaches), and ending at the
    /// hour most of them fall due. Sessions start on the hour, after now, inside the period.
    /// </summary>
    private static IEnumerable<DateTimeOffset> Starts(IReadOnlyList<SimExam> late, SimulationScenario scenario)
    {
        static DateTimeOffset Hour(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var due = late.Select(e => e.Exam.DueAt < scenario.Start ? scenario.Start : e.Exam.DueAt).ToList();
        var peak = due.GroupBy(Hour).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var earliest = Hour(scenario.Start).AddHours(1);
        var latest = scenario.End - SessionLength;
        DateTimeOffset Clamp(DateTimeOffset t) => t < earliest ? earliest : t > latest ? latest : t;
        return new[] { Clamp(Hour(due.Min()).AddHours(-1)), Clamp(peak - SessionLength) }.Distinct();
    }

    /// <summary>A hypothetical consultant of that skill, credentialed everywhere, on one network-wide session.</summary>
    private static EngineReporter Session(Skill skill, SimulationScenario scenario, DateTimeOffset start)
    {
        var trusts = scenario.Reporters.SelectMany(r => r.Credentials).Select(c => c.TrustId).Distinct().ToList();
        return new EngineReporter(
            Guid.NewGuid(),
            $"Extra {skill} session",
            ProfessionalRole.ConsultantRadiologist,
            skill == Skill.General ? [new ReporterSkill(Skill.General, 3)]
                : [new ReporterSkill(Skill.General, 2), new ReporterSkill(skill, 3)],
            [],
            [.. trusts.Select(t => new EngineCredential(t, scenario.Start.AddYears(-1), null))],
            [new EngineShift(start, start + SessionLength, ShiftKind.InHoursSession, CoverScope.Network, [],
                (int)(SessionLength.TotalMinutes * 0.8))],
            []);
    }
}
