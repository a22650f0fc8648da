using Google.OrTools.Graph;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator;

/// <summary>
/// An offline lower bound on breaches, computed with full knowledge of the period's work: a min-cost flow in which every
/// exam due within the period is served by reporters' reading capacity between its arrival and its due time, or counts
/// as late. It relaxes the real problem in every direction that can only lower the answer:
/// <list type="bullet">
/// <item>exams are divisible (late counts fractionally, in proportion to the minutes not read in time);</item>
/// <item>in the flow, eligibility is skill and scope of practice only; credentials, site cover and leave are used only to
/// count as late an exam that nobody may start before it is due (no order can save it);</item>
/// <item>time is bucketed by the hour (by six hours for windows over a day), arrivals rounded down, due times up;</item>
/// <item>no releases, no switching cost, and a reporter may read several exams at once within their capacity.</item>
/// </list>
/// One approximation works the other way: capacity is what the rota gives, so a reporter finishing the case in hand after
/// a session ends (which the simulation allows) is not counted. The report checks that no strategy beats the bound.
/// </summary>
internal static class LowerBound
{
    private const int UnitsPerMinute = 10;
    private const long LateScale = 1_000_000;
    private const int CoarseHours = 6;

    public static IReadOnlyList<double> ForReplications(SimulationScenario scenario, int replications, IProgress<double>? progress = null,
        int firstSeed = 1)
    {
        var bounds = new double[replications];
        var done = 0;
        Parallel.For(0, replications, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
        {
            bounds[r] = Compute(scenario, Workload.Generate(scenario, firstSeed + r));
            progress?.Report((double)Interlocked.Increment(ref done) / replications);
        });
        return bounds;
    }

    public static double Compute(SimulationScenario scenario, Workload workload)
    {
        var hours = (int)Math.Ceiling(scenario.Length.TotalHours);
        var kinds = new Dictionary<(Skill, Modality, string), int>();
        int KindOf(EngineExam e)
        {
            var key = (e.RequiredSkill, e.Modality, e.BodyPart);
            if (!kinds.TryGetValue(key, out var kind))
            {
                kinds[key] = kind = kinds.Count;
            }

            return kind;
        }

        var examples = new List<EngineExam>();
        foreach (var exam in workload.Exams)
        {
            if (KindOf(exam.Exam) == examples.Count)
            {
                examples.Add(exam.Exam);
            }
        }

        // Capacity classes: reporters on duty in an hour with the same set of kinds they may read share one node.
        var classOf = new Dictionary<string, int>();
        var classKinds = new List<bool[]>();
        var capacity = new Dictionary<(int Class, int Hour), long>();
        var mayByReporter = new List<(EngineReporter Reporter, bool[] May)>();
        foreach (var reporter in scenario.Reporters)
        {
            var may = examples.Select(e => MayRead(reporter, e, scenario.Policy)).ToArray();
            mayByReporter.Add((reporter, may));
            var key = string.Concat(may.Select(m => m ? '1' : '0'));
            if (!classOf.TryGetValue(key, out var cls))
            {
                classOf[key] = cls = classKinds.Count;
                classKinds.Add(may);
            }

            for (var h = 0; h < hours; h++)
            {
                var units = ReadingUnits(reporter, scenario.Start.AddHours(h), scenario.SpeedOf(reporter.Id));
                if (units > 0)
                {
                    capacity[(cls, h)] = capacity.GetValueOrDefault((cls, h)) + units;
                }
            }
        }

        var classesAt = new List<int>[hours];
        for (var h = 0; h < hours; h++)
        {
            classesAt[h] = [];
        }

        foreach (var (cls, h) in capacity.Keys)
        {
            classesAt[h].Add(cls);
        }

        var flow = new MinCostFlow();
        var nodes = 1; // 0 is the sink
        var hourNode = new Dictionary<(int, int), int>();
        foreach (var ((cls, h), units) in capacity)
        {
            var node = nodes++;
            hourNode[(cls, h)] = node;
            flow.AddArcWithCapacityAndUnitCost(node, 0, units, 0);
        }

        var blockNode = new Dictionary<(int, int), int>();
        int BlockNode(int cls, int block)
        {
            if (!blockNode.TryGetValue((cls, block), out var node))
            {
                node = nodes++;
                blockNode[(cls, block)] = node;
                for (var h = block * CoarseHours; h < Math.Min(hours, (block + 1) * CoarseHours); h++)
                {
                    if (hourNode.TryGetValue((cls, h), out var target))
                    {
                        flow.AddArcWithCapacityAndUnitCost(node, target, long.MaxValue / 4, 0);
                    }
                }
            }

            return node;
        }

        // Groups of exams with the same kind and (bucketed) window.
        var groups = new Dictionary<(int Kind, int From, int To, bool Coarse), (long Units, int Count)>();
        var certainlyLate = 0;
        foreach (var exam in workload.Exams)
        {
            if (exam.Exam.DueAt > scenario.End)
            {
                continue;
            }

            if (exam.Exam.DueAt <= scenario.Start)
            {
                certainlyLate++;
                continue;
            }

            var arrives = exam.ArrivesAt < scenario.Start ? scenario.Start : exam.ArrivesAt;
            if (!Startable(mayByReporter, KindOf(exam.Exam), exam.Exam, arrives))
            {
                certainlyLate++;
                continue;
            }

            var from = (int)Math.Floor((arrives - scenario.Start).TotalHours);
            var to = Math.Min(hours - 1, (int)Math.Floor((exam.Exam.DueAt - scenario.Start).TotalHours));
            var coarse = to - from + 1 > 24;
            var key = coarse ? (KindOf(exam.Exam), from / CoarseHours, to / CoarseHours, true) : (KindOf(exam.Exam), from, to, false);
            var (units, count) = groups.GetValueOrDefault(key);
            groups[key] = (units + (long)Math.Ceiling(exam.ReadingMinutes * UnitsPerMinute), count + 1);
        }

        long supply = 0;
        foreach (var ((kind, from, to, coarse), (units, count)) in groups)
        {
            var node = nodes++;
            flow.SetNodeSupply(node, units);
            supply += units;
            flow.AddArcWithCapacityAndUnitCost(node, 0, units, Math.Max(1, (long)Math.Round((double)LateScale * count / units)));
            for (var t = from; t <= to; t++)
            {
                var hour = coarse ? t * CoarseHours : t;
                foreach (var cls in classKinds.Select((k, i) => (k, i)).Where(c => c.k[kind]).Select(c => c.i))
                {
                    if (coarse)
                    {
                        flow.AddArcWithCapacityAndUnitCost(node, BlockNode(cls, t), units, 0);
                    }
                    else if (hourNode.TryGetValue((cls, hour), out var target))
                    {
                        flow.AddArcWithCapacityAndUnitCost(node, target, units, 0);
                    }
                }
            }
        }

        flow.SetNodeSupply(0, -supply);
        var status = flow.Solve();
        if (status != MinCostFlow.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The lower-bound flow did not solve: {status}.");
        }

        return certainlyLate + ((double)flow.OptimalCost() / LateScale);
    }

    /// <summary>
    /// Whether anyone may start the exam before it is due: skill and scope for its kind, a credential for its trust and a
    /// shift covering its site for some of the window, not on leave for the whole of that. An exam nobody may start in time
    /// is late in every run, whatever the order; counting it so keeps the flow's relaxed eligibility from serving it.
    /// </summary>
    private static bool Startable(List<(EngineReporter Reporter, bool[] May)> reporters, int kind, EngineExam exam, DateTimeOffset from)
    {
        var to = exam.DueAt;
        foreach (var (reporter, may) in reporters)
        {
            if (!may[kind] || !reporter.Credentials.Any(c => c.TrustId == exam.TrustId && c.ValidFrom < to
                && (c.ValidTo is null || c.ValidTo > from)))
            {
                continue;
            }

            foreach (var shift in reporter.Shifts)
            {
                var start = shift.Start > from ? shift.Start : from;
                var end = shift.End < to ? shift.End : to;
                if (start < end && shift.Covers(exam.TrustId, exam.SiteId)
                    && !reporter.Absences.Any(a => a.Start <= start && a.End >= end))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Skill and scope of practice only: anything else (credential, duty, cover, capacity) is relaxed away.</summary>
    private static bool MayRead(EngineReporter reporter, EngineExam example, EnginePolicy policy)
    {
        var reasons = Eligibility.Check(reporter, example, 0, example.ReadyAt, policy).Reasons;
        return reasons.All(r => r.Reason is not (IneligibilityReason.MissingSkill or IneligibilityReason.SkillLevelTooLow
            or IneligibilityReason.OutsideScopeOfPractice));
    }

    /// <summary>Reading minutes (in tenths, at the catalogue's pace) a reporter gives in the hour from
    /// <paramref name="hourStart"/>, at quarter-hour resolution.</summary>
    private static long ReadingUnits(EngineReporter reporter, DateTimeOffset hourStart, double speed)
    {
        double minutes = 0;
        for (var q = 0; q < 4; q++)
        {
            minutes += 15 * (Duty.ReadingShare(reporter, hourStart.AddMinutes((q * 15) + 7.5)) ?? 0);
        }

        return (long)Math.Ceiling(minutes * speed * UnitsPerMinute);
    }
}
