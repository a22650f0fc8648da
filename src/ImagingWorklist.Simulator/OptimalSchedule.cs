using Google.OrTools.Sat;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator;

/// <summary>
/// The fewest breaches any schedule could have on a small instance, found by CP-SAT with full knowledge of the work: each
/// exam is read by at most one reporter, in one go, starting after it arrives and while that reporter is on a shift that
/// may take it (skill, scope, credential, cover), at the shift's reading pace, one exam at a time per reporter. Held
/// capacity is not counted (a relaxation). Exact for the simulation's rules when releases are off.
/// </summary>
internal static class OptimalSchedule
{
    /// <summary>Breaches of the best schedule found, the solver's proven lower bound on them, and whether they are equal.</summary>
    public readonly record struct Result(int Breaches, int Bound, bool Proven);

    public static Result Solve(SimulationScenario scenario, Workload workload, TimeSpan limit)
    {
        if (workload.Exams.Any(e => e.ReleasedAfterMinutes is not null))
        {
            throw new ArgumentException("The optimal schedule models no releases: run the instance with a release probability of 0.");
        }

        var model = new CpModel();
        var horizon = (long)Math.Ceiling(scenario.Length.TotalMinutes);
        var byReporter = scenario.Reporters.ToDictionary(r => r.Id, _ => new List<IntervalVar>());
        var onTimes = new List<BoolVar>();
        foreach (var exam in workload.Exams)
        {
            var arrives = Math.Max(0, (long)Math.Ceiling((exam.ArrivesAt - scenario.Start).TotalMinutes));
            var counted = exam.Exam.DueAt > scenario.Start && exam.Exam.DueAt <= scenario.End;
            var due = (long)Math.Floor((exam.Exam.DueAt - scenario.Start).TotalMinutes);
            var onTime = counted ? model.NewBoolVar($"on-time-{exam.Index}") : null;
            var chosen = new List<BoolVar>();
            foreach (var reporter in scenario.Reporters)
            {
                foreach (var shift in reporter.Shifts)
                {
                    var from = Math.Max(arrives, (long)Math.Ceiling((shift.Start - scenario.Start).TotalMinutes));
                    var until = Math.Min(horizon, (long)Math.Floor((shift.End - scenario.Start).TotalMinutes)) - 1;
                    var at = scenario.Start.AddMinutes(from);
                    if (from > until || !shift.Covers(exam.Exam.TrustId, exam.Exam.SiteId) || !MayRead(reporter, exam.Exam, at, scenario))
                    {
                        continue;
                    }

                    var share = Duty.ReadingShare(reporter, at) ?? 1;
                    var length = (long)Math.Ceiling(exam.ReadingMinutes / (share * scenario.SpeedOf(reporter.Id)));
                    var start = model.NewIntVar(from, until, $"start-{exam.Index}-{reporter.Id:N}-{shift.Start:HHmm}");
                    var present = model.NewBoolVar($"reads-{exam.Index}-{reporter.Id:N}-{shift.Start:HHmm}");
                    byReporter[reporter.Id].Add(model.NewOptionalFixedSizeIntervalVar(start, length, present, $"read-{exam.Index}"));
                    chosen.Add(present);
                    if (onTime is not null)
                    {
                        model.Add(start + length <= due).OnlyEnforceIf([present, onTime]);
                    }
                }
            }

            model.AddAtMostOne(chosen);
            if (onTime is not null)
            {
                // On time needs a reader (who finishes by the due time, above).
                model.Add(LinearExpr.Sum(chosen) >= onTime);
                onTimes.Add(onTime);
            }
        }

        foreach (var intervals in byReporter.Values.Where(i => i.Count > 1))
        {
            model.AddNoOverlap(intervals);
        }

        model.Maximize(LinearExpr.Sum(onTimes));
        var solver = new CpSolver
        {
            StringParameters = $"max_time_in_seconds:{limit.TotalSeconds:0.#} num_workers:{Environment.ProcessorCount}",
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            throw new InvalidOperationException($"CP-SAT found no schedule: {status}.");
        }

        // Breaches are the counted exams not on time; the solver's bound on on-time exams bounds breaches from below.
        return new Result(onTimes.Count - (int)Math.Round(solver.ObjectiveValue),
            onTimes.Count - (int)Math.Floor(solver.BestObjectiveBound + 1e-6), status == CpSolverStatus.Optimal);
    }

    /// <summary>The domain's eligibility, without the held-capacity check (capacity is relaxed).</summary>
    private static bool MayRead(EngineReporter reporter, EngineExam exam, DateTimeOffset at, SimulationScenario scenario) =>
        Eligibility.Check(reporter, exam, 0, at, scenario.Policy).Reasons.All(r => r.Reason == IneligibilityReason.OverCapacity);
}
