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
/// <item>eligibility is taken by the hour: a reporter's reading in an hour may serve any exam of a kind they may read (skill
/// and scope) from a trust they hold a credential for and a site one of their shifts covers at some moment in that hour;
/// an exam nobody may start before it is due (no order can save it) counts as late;</item>
/// <item>time is bucketed by the quarter-hour for windows of up to six hours, by the hour up to a day and by six hours
/// beyond, arrivals rounded down and due times up to the bucket;</item>
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
    private const int ShortQuarters = 24;

    private enum Bucket
    {
        Quarter,
        Hour,
        Block,
    }

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
        var kinds = new Dictionary<(Skill, Modality, string, Guid, Guid), int>();
        int KindOf(EngineExam e)
        {
            var key = (e.RequiredSkill, e.Modality, e.BodyPart, e.TrustId, e.SiteId);
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

        // Capacity classes: reporters who may read the same set of kinds in an hour share one node for that hour. A kind
        // is a skill, modality and body part at one trust's site, so a class knows credentials and cover hour by hour.
        var places = examples.Select(e => (e.TrustId, e.SiteId)).Distinct().ToArray();
        var placeOf = examples.Select(e => Array.IndexOf(places, (e.TrustId, e.SiteId))).ToArray();
        var classOf = new Dictionary<string, int>();
        var classKinds = new List<bool[]>();
        var capacity = new Dictionary<(int Class, int Quarter), long>();
        var mayByReporter = new List<(EngineReporter Reporter, bool[] May)>();
        foreach (var reporter in scenario.Reporters)
        {
            var may = examples.Select(e => MayRead(reporter, e, scenario.Policy)).ToArray();
            mayByReporter.Add((reporter, may));
            for (var h = 0; h < hours; h++)
            {
                var hourStart = scenario.Start.AddHours(h);
                var units = Enumerable.Range(0, 4)
                    .Select(q => ReadingUnits(reporter, hourStart.AddMinutes(q * 15), scenario.SpeedOf(reporter.Id))).ToArray();
                if (units.All(u => u <= 0))
                {
                    continue;
                }

                var open = places.Select(p => MayReadAt(reporter, p.TrustId, p.SiteId, hourStart)).ToArray();
                var mayNow = may.Select((m, k) => m && open[placeOf[k]]).ToArray();
                var key = string.Concat(mayNow.Select(m => m ? '1' : '0'));
                if (!classOf.TryGetValue(key, out var cls))
                {
                    classOf[key] = cls = classKinds.Count;
                    classKinds.Add(mayNow);
                }

                for (var q = 0; q < 4; q++)
                {
                    capacity[(cls, (h * 4) + q)] = capacity.GetValueOrDefault((cls, (h * 4) + q)) + units[q];
                }
            }
        }

        var classesAt = new List<int>[hours];
        for (var h = 0; h < hours; h++)
        {
            classesAt[h] = [];
        }

        foreach (var (cls, q) in capacity.Keys)
        {
            if (q % 4 == 0)
            {
                classesAt[q / 4].Add(cls);
            }
        }

        var classesInBlock = Enumerable.Range(0, (hours + CoarseHours - 1) / CoarseHours)
            .Select(b => classesAt.Skip(b * CoarseHours).Take(CoarseHours).SelectMany(c => c).Distinct().ToList()).ToArray();

        // Capacity sits on quarter-hour nodes; an hour's node feeds its four quarters and a block's node its hours, so a
        // short window is served quarter by quarter and a long one without an arc per quarter.
        var flow = new MinCostFlow();
        var nodes = 1; // 0 is the sink
        var quarterNode = new Dictionary<(int, int), int>();
        foreach (var ((cls, q), units) in capacity)
        {
            var node = nodes++;
            quarterNode[(cls, q)] = node;
            flow.AddArcWithCapacityAndUnitCost(node, 0, units, 0);
        }

        var hourNode = new Dictionary<(int, int), int>();
        int HourNode(int cls, int hour)
        {
            if (!hourNode.TryGetValue((cls, hour), out var node))
            {
                node = nodes++;
                hourNode[(cls, hour)] = node;
                for (var q = hour * 4; q < (hour + 1) * 4; q++)
                {
                    flow.AddArcWithCapacityAndUnitCost(node, quarterNode[(cls, q)], long.MaxValue / 4, 0);
                }
            }

            return node;
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
                    if (classesAt[h].Contains(cls))
                    {
                        flow.AddArcWithCapacityAndUnitCost(node, HourNode(cls, h), long.MaxValue / 4, 0);
                    }
                }
            }

            return node;
        }

        // Groups of exams with the same kind and (bucketed) window: in quarter-hours for a window of up to six hours, in
        // hours up to a day, in six-hour blocks beyond.
        var groups = new Dictionary<(int Kind, int From, int To, Bucket Bucket), (long Units, int Count)>();
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

            // Every quarter that starts before the exam is due and ends after it arrives.
            var from = (int)Math.Floor((arrives - scenario.Start).TotalMinutes / 15);
            var to = Math.Min((hours * 4) - 1, (int)Math.Ceiling((exam.Exam.DueAt - scenario.Start).TotalMinutes / 15) - 1);
            var kind = KindOf(exam.Exam);
            var key = (to - from + 1) switch
            {
                <= ShortQuarters => (kind, from, to, Bucket.Quarter),
                _ when (to / 4) - (from / 4) + 1 <= 24 => (kind, from / 4, to / 4, Bucket.Hour),
                _ => (kind, from / 4 / CoarseHours, to / 4 / CoarseHours, Bucket.Block),
            };
            var (units, count) = groups.GetValueOrDefault(key);
            groups[key] = (units + (long)Math.Ceiling(exam.ReadingMinutes * UnitsPerMinute), count + 1);
        }

        long supply = 0;
        foreach (var ((kind, from, to, bucket), (units, count)) in groups)
        {
            var node = nodes++;
            flow.SetNodeSupply(node, units);
            supply += units;
            flow.AddArcWithCapacityAndUnitCost(node, 0, units, Math.Max(1, (long)Math.Round((double)LateScale * count / units)));
            for (var t = from; t <= to; t++)
            {
                var present = bucket switch
                {
                    Bucket.Quarter => classesAt[t / 4],
                    Bucket.Hour => classesAt[t],
                    _ => classesInBlock[t],
                };
                foreach (var cls in present.Where(c => classKinds[c][kind]))
                {
                    var target = bucket switch
                    {
                        Bucket.Quarter => quarterNode[(cls, t)],
                        Bucket.Hour => HourNode(cls, t),
                        _ => BlockNode(cls, t),
                    };
                    flow.AddArcWithCapacityAndUnitCost(node, target, units, 0);
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

    /// <summary>
    /// Whether the reporter may read work from the trust's site at some moment in the hour from <paramref name="hourStart"/>:
    /// a credential valid then, and a shift on duty then that covers the site. Leave is in the hour's reading units.
    /// </summary>
    private static bool MayReadAt(EngineReporter reporter, Guid trustId, Guid siteId, DateTimeOffset hourStart)
    {
        var hourEnd = hourStart.AddHours(1);
        return reporter.Credentials.Any(c => c.TrustId == trustId && c.ValidFrom < hourEnd && (c.ValidTo is null || c.ValidTo > hourStart))
            && reporter.Shifts.Any(s => s.Start < hourEnd && s.End > hourStart && s.Covers(trustId, siteId));
    }

    /// <summary>Skill and scope of practice only; credential and cover are checked hour by hour in <see cref="MayReadAt"/>.</summary>
    private static bool MayRead(EngineReporter reporter, EngineExam example, EnginePolicy policy)
    {
        var reasons = Eligibility.Check(reporter, example, 0, example.ReadyAt, policy).Reasons;
        return reasons.All(r => r.Reason is not (IneligibilityReason.MissingSkill or IneligibilityReason.SkillLevelTooLow
            or IneligibilityReason.OutsideScopeOfPractice));
    }

    /// <summary>Reading minutes (in tenths, at the catalogue's pace) a reporter gives in the quarter-hour from
    /// <paramref name="quarterStart"/>, at the share of their duty in the middle of it.</summary>
    private static long ReadingUnits(EngineReporter reporter, DateTimeOffset quarterStart, double speed) =>
        (long)Math.Ceiling(15 * (Duty.ReadingShare(reporter, quarterStart.AddMinutes(7.5)) ?? 0) * speed * UnitsPerMinute);
}
