using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Engine;

/// <summary>
/// The network's pool of open exams, ranked, with the reporters who may take them. Built once from a snapshot, then
/// kept current by applying events one at a time (exam added or changed, claimed, released, removed; reporter or rota
/// changed; clock advanced), each in O(log n) without recomputing the network.
/// <para>
/// Unclaimed exams sit in one index sorted by (urgency class, due time). Eligibility is evaluated per
/// <em>signature</em> (site, skill, modality, body part): a network has a few thousand signatures against hundreds of
/// thousands of exams, so a reporter's list is a walk down the index testing a precomputed bit per signature.
/// </para>
/// Not thread-safe: the caller serialises access (the application holds it behind a lock).
/// </summary>
public sealed class WorklistEngine
{
    private const int Unheld = -1;

    /// <summary>Claimed by someone the engine has no record of (not yet loaded): out of the pool, counted against nobody.</summary>
    private const int HeldOutsideEngine = -2;

    private readonly EnginePolicy _policy;
    private readonly Dictionary<Guid, int> _slotOf = [];
    private readonly Stack<int> _freeSlots = new();
    private SortedSet<RankKey> _pool = new(RankKey.Comparer);
    private readonly PriorityQueue<(int Slot, int Generation), long> _classChanges = new();
    private readonly Dictionary<Signature, int> _signatureOf = [];
    private readonly List<SignatureInfo> _signatures = [];
    private readonly Dictionary<Guid, int> _reporterOf = [];
    private readonly List<ReporterState> _reporters = [];
    private readonly Dictionary<string, int> _patientOf = [];
    private PatientState[] _patients = new PatientState[1024];
    private int _patientCount;
    private EligibilityCache? _eligibility;
    private int _reporterVersion;
    private Slot[] _slots = new Slot[1024];
    private EngineExam?[] _exams = new EngineExam?[1024];
    private int _slotCount;

    public WorklistEngine(EnginePolicy policy, DateTimeOffset now)
    {
        _policy = policy;
        Now = now;
    }

    /// <summary>The instant the ranking reflects; queries advance it.</summary>
    public DateTimeOffset Now { get; private set; }

    public int OpenCount => _slotOf.Count;

    public int UnclaimedCount => _pool.Count;

    public EnginePolicy Policy => _policy;

    public static WorklistEngine Build(IEnumerable<EngineExam> exams, IEnumerable<EngineReporter> reporters, DateTimeOffset now,
        EnginePolicy policy)
    {
        var engine = new WorklistEngine(policy, now);
        foreach (var reporter in reporters)
        {
            engine.UpsertReporter(reporter);
        }

        // Index every exam first, then build the sorted pool in one go from sorted keys: far cheaper than n inserts.
        var expected = exams.TryGetNonEnumeratedCount(out var count) ? count : 0;
        engine._slotOf.EnsureCapacity(expected);
        engine._patientOf.EnsureCapacity(expected);
        engine.EnsureCapacity(expected);
        var unclaimed = new List<RankKey>(expected);
        foreach (var exam in exams)
        {
            if (engine.Index(exam) is { } key)
            {
                unclaimed.Add(key);
            }
        }

        engine._pool = new SortedSet<RankKey>(unclaimed, RankKey.Comparer);
        return engine;
    }

    // ---- events ------------------------------------------------------------------------------------------------

    /// <summary>An exam was added to the pool or changed (priority, due time, flags, claim).</summary>
    public void Upsert(EngineExam exam)
    {
        if (_slotOf.ContainsKey(exam.Id))
        {
            Remove(exam.Id);
        }

        if (Index(exam) is { } key)
        {
            _pool.Add(key);
        }
    }

    /// <summary>Records the exam in every index but the pool; returns its pool key if it belongs in the pool.</summary>
    private RankKey? Index(EngineExam exam)
    {
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _slotCount++;
        EnsureCapacity(slot);
        var patient = PatientIndex(exam.PatientKey);
        var head = _patients[patient].Head;
        _exams[slot] = exam;
        _slots[slot] = new Slot
        {
            Signature = SignatureIndex(exam),
            Class = Prioritiser.ClassOf(exam, Now, _policy),
            DueTicks = exam.DueAt.UtcTicks,
            Minutes = exam.ExpectedMinutes,
            Patient = patient,
            Holder = Unheld,
            Generation = _slots[slot].Generation + 1,
            PreviousOfPatient = -1,
            NextOfPatient = head,
        };
        if (head >= 0)
        {
            _slots[head].PreviousOfPatient = slot;
        }

        _patients[patient].Head = slot;
        _slotOf[exam.Id] = slot;
        ScheduleClassChange(slot);

        if (exam.ClaimedBy is not { } holder)
        {
            return KeyOf(slot);
        }

        if (_reporterOf.TryGetValue(holder, out var reporter))
        {
            Hold(slot, reporter);
        }
        else
        {
            _slots[slot].Holder = HeldOutsideEngine;
        }

        return null;
    }

    /// <summary>Reported, cancelled or put on hold: it leaves the pool.</summary>
    public bool Remove(Guid examId)
    {
        if (!_slotOf.Remove(examId, out var slot))
        {
            return false;
        }

        ref var s = ref _slots[slot];
        TakeOutOfPoolOrRelease(slot);
        if (s.PreviousOfPatient >= 0)
        {
            _slots[s.PreviousOfPatient].NextOfPatient = s.NextOfPatient;
        }
        else
        {
            _patients[s.Patient].Head = s.NextOfPatient;
        }

        if (s.NextOfPatient >= 0)
        {
            _slots[s.NextOfPatient].PreviousOfPatient = s.PreviousOfPatient;
        }

        _exams[slot] = null;
        s.Generation++;
        _freeSlots.Push(slot);
        return true;
    }

    public Outcome Claimed(Guid examId, Guid reporterId)
    {
        if (!_slotOf.TryGetValue(examId, out var slot))
        {
            return Outcome.Rejected("The exam is not in the open pool.");
        }

        if (!_reporterOf.TryGetValue(reporterId, out var reporter))
        {
            return Outcome.Rejected("The reporter is not known to the engine.");
        }

        if (_slots[slot].Holder == reporter)
        {
            return Outcome.Accepted;
        }

        TakeOutOfPoolOrRelease(slot);
        Hold(slot, reporter);
        _reporters[reporter].CumulativeMinutes += _slots[slot].Minutes;
        return Outcome.Accepted;
    }

    public Outcome Released(Guid examId)
    {
        if (!_slotOf.TryGetValue(examId, out var slot) || _slots[slot].Holder == Unheld)
        {
            return Outcome.Rejected("The exam is not held.");
        }

        TakeOutOfPoolOrRelease(slot);
        _pool.Add(KeyOf(slot));
        return Outcome.Accepted;
    }

    /// <summary>A reporter joined, or their skills, credentials, rota or leave changed.</summary>
    public void UpsertReporter(EngineReporter reporter)
    {
        _reporterVersion++;
        if (_reporterOf.TryGetValue(reporter.Id, out var index))
        {
            // A fresh read: its credit already counts what they signed, and what they hold is counted as held.
            _reporters[index].Reporter = reporter;
            _reporters[index].CumulativeMinutes = 0;
            return;
        }

        _reporterOf[reporter.Id] = _reporters.Count;
        _reporters.Add(new ReporterState(reporter));
    }

    /// <summary>Moves the clock: exams whose due time or ageing threshold has passed are re-ranked.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        if (now < Now)
        {
            return;
        }

        Now = now;
        var ticks = now.UtcTicks;
        while (_classChanges.TryPeek(out var entry, out var at) && at <= ticks)
        {
            _classChanges.Dequeue();
            var (slot, generation) = entry;
            if (_slots[slot].Generation != generation || _exams[slot] is not { } exam)
            {
                continue;
            }

            var inPool = _slots[slot].Holder == Unheld;
            if (inPool)
            {
                _pool.Remove(KeyOf(slot));
            }

            _slots[slot].Class = Prioritiser.ClassOf(exam, now, _policy);
            if (inPool)
            {
                _pool.Add(KeyOf(slot));
            }

            ScheduleClassChange(slot);
        }
    }

    public Outcome RecordSkip(Guid reporterId, Guid examId, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Rejected("Skipping the next case needs a reason (for example: outside my experience, conflict of interest).");
        }

        if (!_reporterOf.TryGetValue(reporterId, out var reporter))
        {
            return Outcome.Rejected("The reporter is not known to the engine.");
        }

        if (!_slotOf.ContainsKey(examId))
        {
            return Outcome.Rejected("The exam is no longer open.");
        }

        var state = _reporters[reporter];
        state.Skips++;
        state.SkippedAt[examId] = now;
        return Outcome.Accepted;
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    /// <summary>The open pool as operators watch it: unclaimed exams by class, those past due, and the oldest wait.</summary>
    public PoolSummary Summarise(DateTimeOffset now)
    {
        var byClass = new int[Enum.GetValues<UrgencyClass>().Length];
        var (pastDue, claimed, oldest) = (0, 0, TimeSpan.Zero);
        for (var i = 0; i < _slotCount; i++)
        {
            if (_exams[i] is not { } exam)
            {
                continue;
            }

            ref readonly var slot = ref _slots[i];
            if (slot.Holder != Unheld)
            {
                claimed++;
                continue;
            }

            byClass[(int)slot.Class]++;
            pastDue += exam.DueAt <= now ? 1 : 0;
            oldest = now - exam.ReadyAt > oldest ? now - exam.ReadyAt : oldest;
        }

        return new PoolSummary(byClass, pastDue, claimed, oldest);
    }

    public bool Knows(Guid reporterId) => _reporterOf.ContainsKey(reporterId);

    public int SkipCount(Guid reporterId) => _reporterOf.TryGetValue(reporterId, out var r) ? _reporters[r].Skips : 0;

    public int HeldMinutes(Guid reporterId) => _reporterOf.TryGetValue(reporterId, out var r) ? _reporters[r].HeldMinutes : 0;

    public EngineExam? Find(Guid examId) => _slotOf.TryGetValue(examId, out var slot) ? _exams[slot] : null;

    public UrgencyClass? ClassOf(Guid examId) => _slotOf.TryGetValue(examId, out var slot) ? _slots[slot].Class : null;

    /// <summary>
    /// The reporter's list, best first: emergencies they may take, then unclaimed exams of patients they already hold, then
    /// every other exam they may take now, skipping those whose patient another reporter holds. <paramref name="take"/>
    /// defaults to the pull-list size; <paramref name="filter"/> (modality, site, pathway…) is applied during the walk, so
    /// the list stays full.
    /// </summary>
    public IReadOnlyList<RankedExam> RankedFor(Guid reporterId, DateTimeOffset now, int? take = null, Func<EngineExam, bool>? filter = null)
    {
        AdvanceTo(now);
        var limit = take ?? _policy.PullListSize;
        var result = new List<RankedExam>(Math.Min(limit, 256));
        if (!_reporterOf.TryGetValue(reporterId, out var reporter) || limit <= 0)
        {
            return result;
        }

        var eligible = SignatureEligibility(reporter, now);
        var spare = SpareMinutes(reporter, now);
        var onDuty = EligibleReportersBySignature(now);
        RankedExam Ranked(int slot, bool samePatient) =>
            new(_exams[slot]!, _slots[slot].Class, result.Count + 1, samePatient,
                Prioritiser.Explain(_exams[slot]!, now, _policy, onDuty[_slots[slot].Signature].Count));

        // Emergencies first, their own patients' included: an exam of a patient the reporter already holds goes ahead of
        // routine and urgent work (one sitting for one patient), never ahead of an emergency they may take.
        List<int>? emergencies = null;
        foreach (var key in _pool)
        {
            if (!key.Class.IsEmergency())
            {
                break;
            }

            var patient = _slots[key.Slot].Patient;
            var theirs = _reporters[reporter].HeldPatients.ContainsKey(patient);
            if ((theirs || _patients[patient].Holder < 0) && Offerable(key.Slot, reporter, eligible, spare)
                && (filter is null || filter(_exams[key.Slot]!)))
            {
                (emergencies ??= []).Add(key.Slot);
                result.Add(Ranked(key.Slot, samePatient: theirs));
                if (result.Count == limit)
                {
                    return result;
                }
            }
        }

        foreach (var slot in CompanionSlots(reporter, eligible, spare))
        {
            if ((filter is not null && !filter(_exams[slot]!)) || (emergencies is not null && emergencies.Contains(slot)))
            {
                continue;
            }

            result.Add(Ranked(slot, samePatient: true));
            if (result.Count == limit)
            {
                return result;
            }
        }

        foreach (var key in _pool)
        {
            if (!key.Class.IsEmergency() && Offerable(key.Slot, reporter, eligible, spare)
                && _patients[_slots[key.Slot].Patient].Holder < 0
                && (filter is null || filter(_exams[key.Slot]!)))
            {
                result.Add(Ranked(key.Slot, samePatient: false));
                if (result.Count == limit)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The best exam for this reporter now, with the same patient's other open exams they should take with it.</summary>
    public NextCaseResult NextCase(Guid reporterId, DateTimeOffset now)
    {
        AdvanceTo(now);
        if (!_reporterOf.TryGetValue(reporterId, out var reporter))
        {
            return NextCaseResult.None("You are not set up as a reporter.");
        }

        var state = _reporters[reporter];
        if (state.Reporter.IsAbsentAt(now))
        {
            return NextCaseResult.None("You are on leave, so no cases are offered.");
        }

        if (state.Reporter.CapacityAt(now) is null)
        {
            return NextCaseResult.None("You are not on duty now, so no cases are offered.");
        }

        var eligible = SignatureEligibility(reporter, now);
        var spare = SpareMinutes(reporter, now);
        int? chosen = null;

        // As the list: an emergency they may take comes before the rest of a patient they already hold.
        foreach (var key in _pool)
        {
            if (!key.Class.IsEmergency())
            {
                break;
            }

            var patient = _slots[key.Slot].Patient;
            if ((state.HeldPatients.ContainsKey(patient) || _patients[patient].Holder < 0)
                && Offerable(key.Slot, reporter, eligible, spare) && !RecentlySkipped(state, key.Slot, now))
            {
                chosen = key.Slot;
                break;
            }
        }

        foreach (var slot in chosen is null ? CompanionSlots(reporter, eligible, spare) : [])
        {
            if (!RecentlySkipped(state, slot, now))
            {
                chosen = slot;
                break;
            }
        }

        if (chosen is null)
        {
            foreach (var key in _pool)
            {
                if (Offerable(key.Slot, reporter, eligible, spare) && _patients[_slots[key.Slot].Patient].Holder < 0
                    && !RecentlySkipped(state, key.Slot, now))
                {
                    chosen = key.Slot;
                    break;
                }
            }
        }

        string? fairness = null;
        if (chosen is { } first && !_slots[first].Class.IsEmergency() && _patients[_slots[first].Patient].Holder < 0)
        {
            (chosen, fairness) = FairTieBreak(reporter, first, eligible, spare, now);
        }

        if (chosen is not { } best)
        {
            return NextCaseResult.None(spare <= 0
                ? "You are at your capacity for this session; finish or release a case first."
                : "There is no open exam you are eligible for right now.");
        }

        var companions = new List<EngineExam>();
        for (var s = _patients[_slots[best].Patient].Head; s >= 0; s = _slots[s].NextOfPatient)
        {
            if (s != best && _slots[s].Holder == Unheld && eligible[_slots[s].Signature])
            {
                companions.Add(_exams[s]!);
            }
        }
        return NextCaseResult.Found(new NextCase(_exams[best]!, _slots[best].Class, companions) { Fairness = fairness });
    }

    /// <summary>The reasons a reporter may not take an exam, from the readable reference rules.</summary>
    public EligibilityVerdict Check(Guid reporterId, Guid examId, DateTimeOffset now)
    {
        var reporter = _reporters[_reporterOf[reporterId]];
        return Eligibility.Check(reporter.Reporter, _exams[_slotOf[examId]]!, reporter.HeldMinutes, now, _policy);
    }

    /// <summary>Reporters who may take the exam now, capacity aside, with the reference verdict for each (for reassignment).</summary>
    /// <summary>Who could take the exam now (or could but for capacity), with what each already holds, for a manager choosing.</summary>
    public IReadOnlyList<Candidate> CandidatesFor(Guid examId, DateTimeOffset now)
    {
        if (!_slotOf.TryGetValue(examId, out var slot))
        {
            return [];
        }

        return [.. _reporters
            .Select(r =>
                new Candidate(r.Reporter, Eligibility.Check(r.Reporter, _exams[slot]!, r.HeldMinutes, now, _policy), r.HeldMinutes,
                r.Reporter.CapacityAt(now) ?? 0))
            .Where(c => c.Verdict.IsEligible || c.Verdict.FailsOnlyOnCapacity)
            .OrderBy(c => c.Verdict.IsEligible ? 0 : 1)
            .ThenBy(c => c.HeldMinutes)
            .ThenBy(c => c.Reporter.Name, StringComparer.Ordinal)];
    }

    public PriorityExplanation Explain(Guid examId, DateTimeOffset now)
    {
        AdvanceTo(now);
        var slot = _slotOf[examId];
        return Prioritiser.Explain(_exams[slot]!, now, _policy, EligibleReportersBySignature(now)[_slots[slot].Signature].Count);
    }

    /// <summary>
    /// Push assignment of unclaimed exams to on-duty reporters with spare capacity. Exams are taken most urgent first;
    /// each goes to the eligible reporter who would finish it on time with the least shift-cumulative load, or, if no
    /// one can finish it on time, the least loaded. Emergency exams go to the least-loaded eligible reporter at once,
    /// over capacity if need be. A proposal: the caller offers or claims, and the engine hears about it as events.
    /// </summary>
    public IReadOnlyList<Assignment> Assign(DateTimeOffset now)
    {
        AdvanceTo(now);
        var eligibleBySignature = EligibleReportersBySignature(now);
        var queue = new int[_reporters.Count];
        var spare = new int[_reporters.Count];
        var load = new double[_reporters.Count];
        var withRoom = 0;
        for (var r = 0; r < _reporters.Count; r++)
        {
            var capacity = _reporters[r].Reporter.CapacityAt(now) ?? 0;
            queue[r] = _reporters[r].HeldMinutes;
            spare[r] = capacity - _reporters[r].HeldMinutes;
            load[r] = Share(r, capacity);
            if (spare[r] > 0)
            {
                withRoom++;
            }
        }

        var assignments = new List<Assignment>();
        var patientAssignee = new Dictionary<int, int>();
        var nowTicks = now.UtcTicks;
        foreach (var key in _pool)
        {
            var slot = key.Slot;
            ref readonly var s = ref _slots[slot];
            var candidates = eligibleBySignature[s.Signature];
            if (candidates.Count == 0)
            {
                continue;
            }

            var emergency = key.Class.IsEmergency();
            if (!emergency && withRoom == 0)
            {
                break;
            }

            var holder = _patients[s.Patient].Holder;
            var best = -1;
            var bestOnTime = false;
            if (holder >= 0 || patientAssignee.TryGetValue(s.Patient, out holder))
            {
                // Same patient, same reporter, when that reporter may take it.
                if (candidates.Contains(holder) && (emergency || spare[holder] >= s.Minutes))
                {
                    best = holder;
                    bestOnTime = nowTicks + ((queue[holder] + s.Minutes) * TimeSpan.TicksPerMinute) <= s.DueTicks;
                }
                else if (holder >= 0 && _patients[s.Patient].Holder >= 0)
                {
                    continue;
                }
            }

            if (best < 0)
            {
                foreach (var r in candidates)
                {
                    // Capacity, and never straight back to someone who has just let this exam go.
                    if ((!emergency && spare[r] < s.Minutes) || RecentlySkipped(_reporters[r], slot, now))
                    {
                        continue;
                    }

                    var onTime = nowTicks + ((queue[r] + s.Minutes) * TimeSpan.TicksPerMinute) <= s.DueTicks;
                    if (best < 0 || (onTime && !bestOnTime) || (onTime == bestOnTime && load[r] < load[best]))
                    {
                        best = r;
                        bestOnTime = onTime;
                    }
                }
            }

            if (best < 0)
            {
                continue;
            }

            var capacity = (_reporters[best].Reporter.CapacityAt(now) ?? 0) + _reporters[best].Reporter.CreditCapacityMinutes;
            var hadRoom = spare[best] > 0;
            queue[best] += s.Minutes;
            spare[best] -= s.Minutes;
            load[best] += (double)s.Minutes / Math.Max(1, capacity);
            if (hadRoom && spare[best] <= 0)
            {
                withRoom--;
            }

            patientAssignee[s.Patient] = best;
            assignments.Add(
                new Assignment(_exams[slot]!.Id, _reporters[best].Reporter.Id, emergency ? AssignmentKind.Emergency : AssignmentKind.Push,
                bestOnTime));
        }

        return assignments;
    }

    /// <summary>
    /// Exams that need a manager's or coordinator's attention: nobody on duty may report them, they are forecast to
    /// breach with the eligible capacity on duty (a fluid estimate per skill: minutes of more urgent work ahead shared
    /// among that skill's reporters), or they have waited past the ageing threshold.
    /// </summary>
    public IReadOnlyList<Escalation> Escalations(DateTimeOffset now)
    {
        AdvanceTo(now);
        var eligibleBySignature = EligibleReportersBySignature(now);
        var skills = Enum.GetValues<Skill>().Length;
        var pool = new HashSet<int>[skills];
        for (var i = 0; i < skills; i++)
        {
            pool[i] = [];
        }

        for (var sig = 0; sig < _signatures.Count; sig++)
        {
            pool[(int)_signatures[sig].Skill].UnionWith(eligibleBySignature[sig]);
        }

        var ahead = new double[skills];
        var escalations = new List<Escalation>();
        foreach (var key in _pool)
        {
            var slot = key.Slot;
            var exam = _exams[slot]!;
            var skill = (int)exam.RequiredSkill;
            var waited = now - exam.ReadyAt;
            if (eligibleBySignature[_slots[slot].Signature].Count == 0)
            {
                escalations.Add(new(exam.Id, EscalationKind.NoEligibleReporterOnDuty, exam.RequiredSkill, waited, TimeSpan.Zero, 0, 0));
            }
            else
            {
                var before = ahead[skill];
                ahead[skill] += exam.ExpectedMinutes;
                var finish = now.AddMinutes(ahead[skill] / pool[skill].Count);
                if (finish > exam.DueAt)
                {
                    escalations.Add(
                        new(exam.Id, EscalationKind.ForecastBreach, exam.RequiredSkill, waited, finish - exam.DueAt, before,
                        pool[skill].Count));
                }
            }

            if (waited >= _policy.AgeingFirstPromotion)
            {
                escalations.Add(new(exam.Id, EscalationKind.Ageing, exam.RequiredSkill, waited, TimeSpan.Zero, 0, 0));
            }
        }

        return escalations;
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A reporter's workload credit against their capacity: what they signed in the fairness window, claimed since, and
    /// hold now, over the window's rostered capacity and their shift's (<paramref name="capacityNow"/>).
    /// </summary>
    private double Share(int reporter, int capacityNow)
    {
        var state = _reporters[reporter];
        var capacity = state.Reporter.CreditCapacityMinutes + capacityNow;
        return capacityNow <= 0 || capacity <= 0 ? double.MaxValue
            : (double)(state.Reporter.CreditMinutes + state.CumulativeMinutes + state.HeldMinutes) / capacity;
    }

    /// <summary>
    /// Next case's tie-break (decision 0025): among the exams of the first one's class due within the tie window of it, a
    /// reporter whose share of credit is behind the mean of colleagues on duty by the margin takes the longest, one ahead
    /// the shortest; otherwise the first stands. Urgency and due order are never overridden beyond the window.
    /// </summary>
    private (int Slot, string? Why) FairTieBreak(int reporter, int first, bool[] eligible, int spare, DateTimeOffset now)
    {
        var (mine, peers, count) = (Share(reporter, _reporters[reporter].Reporter.CapacityAt(now) ?? 0), 0.0, 0);
        for (var r = 0; r < _reporters.Count; r++)
        {
            if (r != reporter && _reporters[r].Reporter.CapacityAt(now) is { } capacity && !_reporters[r].Reporter.IsAbsentAt(now)
                && Share(r, capacity) is var share && share < double.MaxValue)
            {
                (peers, count) = (peers + share, count + 1);
            }
        }

        var mean = count == 0 ? mine : peers / count;
        var behind = mine < mean * (1 - _policy.FairnessMargin);
        if (mine == double.MaxValue || (!behind && mine <= mean * (1 + _policy.FairnessMargin)))
        {
            return (first, null);
        }

        var (firstClass, limit) = (_slots[first].Class, _slots[first].DueTicks + _policy.FairnessTieWindow.Ticks);
        var chosen = first;
        foreach (var key in _pool.GetViewBetween(KeyOf(first), _pool.Max))
        {
            if (key.Class != firstClass || key.DueTicks > limit)
            {
                break;
            }

            var slot = key.Slot;
            if (Offerable(slot, reporter, eligible, spare) && _patients[_slots[slot].Patient].Holder < 0
                && !RecentlySkipped(_reporters[reporter], slot, now)
                && (behind ? _slots[slot].Minutes > _slots[chosen].Minutes : _slots[slot].Minutes < _slots[chosen].Minutes))
            {
                chosen = slot;
            }
        }

        return chosen == first ? (first, null)
            : (chosen, $"Of the cases as urgent as this one and due within {Durations.Describe(_policy.FairnessTieWindow)} of the " +
                $"first, the {(behind ? "longest" : "shortest")}: your reading over the last " +
                $"{Durations.Describe(_policy.FairnessWindow)} is {mine:P0} of your rostered capacity, against {mean:P0} for colleagues " +
                "on duty.");
    }

    private bool Offerable(int slot, int reporter, bool[] eligibleSignatures, int spare)
    {
        ref readonly var s = ref _slots[slot];
        return eligibleSignatures[s.Signature] && (s.Minutes <= spare || s.Class.IsEmergency());
    }

    private IEnumerable<int> CompanionSlots(int reporter, bool[] eligible, int spare)
    {
        foreach (var patient in _reporters[reporter].HeldPatients.Keys)
        {
            for (var slot = _patients[patient].Head; slot >= 0; slot = _slots[slot].NextOfPatient)
            {
                if (_slots[slot].Holder == Unheld && Offerable(slot, reporter, eligible, spare))
                {
                    yield return slot;
                }
            }
        }
    }

    private bool RecentlySkipped(ReporterState state, int slot, DateTimeOffset now) =>
        state.SkippedAt.TryGetValue(_exams[slot]!.Id, out var at) && now - at < _policy.SkipCooldown;

    private int SpareMinutes(int reporter, DateTimeOffset now) =>
        (_reporters[reporter].Reporter.CapacityAt(now) ?? 0) - _reporters[reporter].HeldMinutes;

    private bool[] SignatureEligibility(int reporter, DateTimeOffset now)
    {
        var eligible = new bool[_signatures.Count];
        for (var sig = 0; sig < eligible.Length; sig++)
        {
            eligible[sig] = SignatureEligible(reporter, sig, now);
        }

        return eligible;
    }

    /// <summary>For each signature, the on-duty reporters who may take it (capacity aside); cached per instant.</summary>
    private List<int>[] EligibleReportersBySignature(DateTimeOffset now)
    {
        if (_eligibility is { } cached && cached.NowTicks == now.UtcTicks && cached.ReporterVersion == _reporterVersion
            && cached.BySignature.Length == _signatures.Count)
        {
            return cached.BySignature;
        }

        var lists = new List<int>[_signatures.Count];
        for (var sig = 0; sig < lists.Length; sig++)
        {
            lists[sig] = [];
        }

        for (var r = 0; r < _reporters.Count; r++)
        {
            if (_reporters[r].Reporter.CapacityAt(now) is null)
            {
                continue;
            }

            for (var sig = 0; sig < lists.Length; sig++)
            {
                if (SignatureEligible(r, sig, now))
                {
                    lists[sig].Add(r);
                }
            }
        }

        _eligibility = new EligibilityCache(now.UtcTicks, _reporterVersion, lists);
        return lists;
    }

    /// <summary>Every rule of <see cref="Eligibility.Check"/> except capacity, for a whole signature at once, allocation-free.</summary>
    private bool SignatureEligible(int reporter, int signatureIndex, DateTimeOffset now)
    {
        var state = _reporters[reporter];
        var signature = _signatures[signatureIndex];
        if (!state.HasSkill(signature.Skill, signature.MinLevel, _policy)
            || !(state.Unrestricted || state.Scope.Contains(signature.ScopeExact) || state.Scope.Contains(signature.ScopeAnyPart)))
        {
            return false;
        }

        var r = state.Reporter;
        foreach (var (start, end) in r.Absences)
        {
            if (now >= start && now < end)
            {
                return false;
            }
        }

        var credentialed = false;
        foreach (var credential in r.Credentials)
        {
            credentialed |= credential.TrustId == signature.TrustId && credential.IsValidAt(now);
        }

        if (!credentialed)
        {
            return false;
        }

        foreach (var shift in r.Shifts)
        {
            if (shift.IsOnDutyAt(now) && shift.Covers(signature.TrustId, signature.SiteId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whichever it is in (the pool, a known reporter's hands, or held outside the engine), it leaves it.</summary>
    private void TakeOutOfPoolOrRelease(int slot)
    {
        switch (_slots[slot].Holder)
        {
            case Unheld:
                _pool.Remove(KeyOf(slot));
                break;
            case HeldOutsideEngine:
                _slots[slot].Holder = Unheld;
                break;
            default:
                Unhold(slot);
                break;
        }
    }

    private void Hold(int slot, int reporter)
    {
        ref var s = ref _slots[slot];
        s.Holder = reporter;
        var state = _reporters[reporter];
        state.HeldMinutes += s.Minutes;
        state.HeldPatients[s.Patient] = state.HeldPatients.GetValueOrDefault(s.Patient) + 1;
        ref var patient = ref _patients[s.Patient];
        patient.Holder = reporter;
        patient.HeldCount++;
    }

    private void Unhold(int slot)
    {
        ref var s = ref _slots[slot];
        var state = _reporters[s.Holder];
        state.HeldMinutes -= s.Minutes;
        if (--state.HeldPatients[s.Patient] == 0)
        {
            state.HeldPatients.Remove(s.Patient);
        }

        ref var patient = ref _patients[s.Patient];
        if (--patient.HeldCount == 0)
        {
            patient.Holder = -1;
        }

        s.Holder = Unheld;
    }

    private void ScheduleClassChange(int slot)
    {
        if (Prioritiser.NextChange(_exams[slot]!, Now, _policy) is { } next)
        {
            _classChanges.Enqueue((slot, _slots[slot].Generation), next.UtcTicks);
        }
    }

    private RankKey KeyOf(int slot) => new(_slots[slot].Class, _slots[slot].DueTicks, _exams[slot]!.Id, slot);

    private int SignatureIndex(EngineExam exam)
    {
        var bodyPart = UpperCase(exam.BodyPart);
        var signature = new Signature(exam.SiteId, exam.TrustId, exam.RequiredSkill, exam.Modality, bodyPart);
        if (!_signatureOf.TryGetValue(signature, out var index))
        {
            index = _signatures.Count;
            _signatures.Add(new SignatureInfo(
                exam.SiteId,
                exam.TrustId,
                exam.RequiredSkill,
                exam.Modality,
                bodyPart,
                _policy.MinLevelFor(exam.Modality),
                $"{exam.Modality}:{bodyPart}",
                $"{exam.Modality}:*"));
            _signatureOf[signature] = index;
        }

        return index;
    }

    private static string UpperCase(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return text.ToUpperInvariant();
            }
        }

        return text;
    }

    private int PatientIndex(string key)
    {
        if (!_patientOf.TryGetValue(key, out var index))
        {
            index = _patientCount++;
            if (index == _patients.Length)
            {
                Array.Resize(ref _patients, _patients.Length * 2);
            }

            _patients[index] = new PatientState { Holder = -1, Head = -1 };
            _patientOf[key] = index;
        }

        return index;
    }

    private void EnsureCapacity(int slot)
    {
        if (slot < _slots.Length)
        {
            return;
        }

        var size = Math.Max(_slots.Length * 2, slot + 1);
        Array.Resize(ref _slots, size);
        Array.Resize(ref _exams, size);
    }

    private struct Slot
    {
        public int Signature;
        public UrgencyClass Class;
        public long DueTicks;
        public int Minutes;
        public int Patient;
        public int Holder;
        public int Generation;
        public int PreviousOfPatient;
        public int NextOfPatient;
    }

    /// <summary>The pool's order: class, then due time, then the exam's id, so ties break the same in any engine (slots are
    /// reused).</summary>
    private readonly record struct RankKey(UrgencyClass Class, long DueTicks, Guid Id, int Slot)
    {
        public static readonly IComparer<RankKey> Comparer = Comparer<RankKey>.Create(static (a, b) =>
            a.Class != b.Class ? a.Class.CompareTo(b.Class)
            : a.DueTicks != b.DueTicks ? a.DueTicks.CompareTo(b.DueTicks)
            : a.Id != b.Id ? a.Id.CompareTo(b.Id)
            : a.Slot.CompareTo(b.Slot));
    }

    private readonly record struct Signature(Guid SiteId, Guid TrustId, Skill Skill, Modality Modality, string BodyPart);

    private sealed record SignatureInfo(Guid SiteId, Guid TrustId, Skill Skill, Modality Modality, string BodyPart, int MinLevel,
        string ScopeExact, string ScopeAnyPart);

    private sealed record EligibilityCache(long NowTicks, int ReporterVersion, List<int>[] BySignature);

    private sealed class ReporterState
    {
        private static readonly int SkillCount = Enum.GetValues<Skill>().Length;
        private EngineReporter _reporter = null!;

        public ReporterState(EngineReporter reporter) => Reporter = reporter;

        /// <summary>Setting it re-derives the lookups the hot path uses.</summary>
        public EngineReporter Reporter
        {
            get => _reporter;
            set
            {
                _reporter = value;
                Levels = new int[SkillCount];
                foreach (var skill in value.Skills)
                {
                    Levels[(int)skill.Skill] = skill.Level;
                }

                Scope = [.. value.ScopeOfPractice.Select(s => s.Trim().ToUpperInvariant())];
                Unrestricted = value.Role == ProfessionalRole.ConsultantRadiologist && value.ScopeOfPractice.Count == 0;
            }
        }

        public int[] Levels { get; private set; } = [];

        public HashSet<string> Scope { get; private set; } = [];

        public bool Unrestricted { get; private set; }

        public int HeldMinutes { get; set; }

        public int CumulativeMinutes { get; set; }

        public int Skips { get; set; }

        public Dictionary<int, int> HeldPatients { get; } = [];

        public Dictionary<Guid, DateTimeOffset> SkippedAt { get; } = [];

        /// <summary>The same rule as <see cref="Eligibility.SkillCheck"/>, read from arrays.</summary>
        public bool HasSkill(Skill required, int minLevel, EnginePolicy policy) =>
            Levels[(int)required] >= minLevel
            || (required != Skill.General && minLevel <= 1 && Levels[(int)Skill.General] >= 1
                && !policy.SpecialistOnlySkills.Contains(required));
    }

    /// <summary>A patient's open exams form a linked list through their slots, so grouping costs no allocation.</summary>
    private struct PatientState
    {
        public int Holder;
        public int HeldCount;
        public int Head;
    }
}
