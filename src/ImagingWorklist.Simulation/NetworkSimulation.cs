using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Simulation;

/// <summary>
/// A discrete-event simulation of a reporting network: exams arrive, free reporters on duty take one by the strategy
/// under test, read it for its drawn reading time (slower when their session has less reading capacity than its length),
/// and sign or release it. The engine strategies drive the real <see cref="WorklistEngine"/>.
/// </summary>
public static class NetworkSimulation
{
    public static SimulationResult Run(
        SimulationScenario scenario,
        Workload workload,
        Strategy strategy,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default) =>
        new Runner(scenario, workload, strategy, progress, cancellationToken).Run();

    private enum EventKind
    {
        Arrive,
        DutyChange,
        Finish,
        Offer,
        Push,
        Sample,
    }

    private readonly record struct Event(EventKind Kind, int Reporter, int Exam);

    private sealed class Runner
    {
        private readonly SimulationScenario _scenario;
        private readonly Workload _workload;
        private readonly Strategy _strategy;
        private readonly IProgress<double>? _progress;
        private readonly CancellationToken _cancellation;
        private readonly List<SimReporter> _reporters;
        private readonly Signatures _signatures = new();
        private readonly EligibilityCache _eligibility;
        private readonly IWorkPool _pool;
        private readonly EnginePool? _push;
        private readonly PriorityQueue<Event, (long Ticks, long Sequence)> _events = new();
        private readonly DateTimeOffset?[] _reportedAt;
        private readonly bool[] _released;
        private readonly bool[] _taken;
        private readonly List<int> _backlogByHour = [];
        private readonly List<ReadingStart> _starts = [];
        private long _sequence;
        private long _pushPendingAt = long.MinValue;
        private int _open;

        public Runner(SimulationScenario scenario, Workload workload, Strategy strategy, IProgress<double>? progress,
            CancellationToken cancellation)
        {
            _scenario = scenario;
            _workload = workload;
            _strategy = strategy;
            _progress = progress;
            _cancellation = cancellation;
            _reporters = [.. scenario.Reporters.Select((r, i) => new SimReporter(i, r))];
            _eligibility = new EligibilityCache(_signatures, scenario.Policy);
            _reportedAt = new DateTimeOffset?[workload.Exams.Count];
            _released = new bool[workload.Exams.Count];
            _taken = new bool[workload.Exams.Count];
            if (strategy is Strategy.EnginePull or Strategy.EnginePush)
            {
                var engine = WorklistEngine.Build([], scenario.Reporters, scenario.Start, scenario.Policy);
                var pool = new EnginePool(engine, _reporters, push: strategy == Strategy.EnginePush);
                _pool = pool;
                _push = strategy == Strategy.EnginePush ? pool : null;
            }
            else
            {
                _pool = new OrderedPool(strategy, _signatures, _eligibility, scenario.Behaviour.ReleaseCooldown);
            }
        }

        public SimulationResult Run()
        {
            var start = _scenario.Start;
            var end = _scenario.End;
            foreach (var exam in _workload.Exams)
            {
                Schedule(exam.ArrivesAt < start ? start : exam.ArrivesAt, new Event(EventKind.Arrive, -1, exam.Index));
            }

            foreach (var reporter in _reporters)
            {
                Schedule(start, new Event(EventKind.DutyChange, reporter.Index, -1));
                var changes = reporter.Reporter.Shifts.SelectMany(s => new[] { s.Start, s.End })
                    .Concat(reporter.Reporter.Absences.SelectMany(a => new[] { a.Start, a.End }))
                    .Where(t => t > start && t < end)
                    .Distinct();
                foreach (var instant in changes)
                {
                    Schedule(instant, new Event(EventKind.DutyChange, reporter.Index, -1));
                }
            }

            for (var at = start; at < end; at += TimeSpan.FromHours(1))
            {
                Schedule(at, new Event(EventKind.Sample, -1, -1));
            }

            if (_push is not null)
            {
                for (var at = start; at < end; at += _scenario.Behaviour.PushInterval)
                {
                    Schedule(at, new Event(EventKind.Push, -1, -1));
                }
            }

            var lastReported = 0;
            while (_events.TryDequeue(out var next, out var when))
            {
                var now = new DateTimeOffset(when.Ticks, TimeSpan.Zero);
                if (now >= end)
                {
                    break;
                }

                switch (next.Kind)
                {
                    case EventKind.Arrive:
                        Arrive(_workload.Exams[next.Exam], now);
                        break;
                    case EventKind.DutyChange:
                        DutyChanged(_reporters[next.Reporter], now);
                        break;
                    case EventKind.Finish:
                        Finish(_reporters[next.Reporter], _workload.Exams[next.Exam], now);
                        break;
                    case EventKind.Offer:
                        Offer(_workload.Exams[next.Exam], now);
                        break;
                    case EventKind.Push:
                        Push(now);
                        break;
                    case EventKind.Sample:
                        _backlogByHour.Add(_open);
                        var done = (int)(100 * (now - start).Ticks / (end - start).Ticks);
                        if (done != lastReported)
                        {
                            lastReported = done;
                            _progress?.Report(done / 100.0);
                            _cancellation.ThrowIfCancellationRequested();
                        }

                        break;
                }
            }

            _progress?.Report(1.0);
            return SimulationResult.From(_scenario, _workload, _strategy, _reportedAt, _reporters, _backlogByHour, _starts);
        }

        private void Schedule(DateTimeOffset at, Event e) => _events.Enqueue(e, (at.UtcTicks, _sequence++));

        private void Arrive(SimExam exam, DateTimeOffset now)
        {
            _open++;
            _pool.Arrive(exam, now);
            if (_push is not null)
            {
                if (Prioritiser.ClassOf(exam.Exam, now, _scenario.Policy).IsEmergency())
                {
                    Push(now);
                }

                return;
            }

            // Offered after everything arriving at the same instant is in the pool, so the choice sees all of it.
            Schedule(now, new Event(EventKind.Offer, -1, exam.Index));
        }

        /// <summary>Free reporters who may take the exam are woken, longest-idle first, until one has taken it.</summary>
        private void Offer(SimExam exam, DateTimeOffset now)
        {
            var signature = _signatures.Of(exam.Exam);
            foreach (var reporter in _reporters.Where(r => r.Current is null).OrderBy(r => r.IdleSince).ThenBy(r => r.Index).ToList())
            {
                if (_taken[exam.Index])
                {
                    return;
                }

                if (reporter.Reporter.CapacityAt(now) is not null && _eligibility.May(reporter, signature, now))
                {
                    TryStart(reporter, now);
                }
            }
        }

        private void DutyChanged(SimReporter reporter, DateTimeOffset now)
        {
            _eligibility.Forget(reporter);
            if (_push is not null && reporter.Reporter.CapacityAt(now) is null && reporter.Queue.Count > 0)
            {
                foreach (var exam in reporter.Queue)
                {
                    _taken[exam.Index] = false;
                }

                _push.TakeBack(reporter);
                RequestPush(now);
            }

            TryStart(reporter, now);
        }

        private void Push(DateTimeOffset now)
        {
            if (_push is null)
            {
                return;
            }

            foreach (var reporter in _push.Push(now))
            {
                foreach (var exam in reporter.Queue)
                {
                    _taken[exam.Index] = true;
                }

                TryStart(reporter, now);
            }
        }

        /// <summary>Someone ran dry: assign again now, at most once a minute.</summary>
        private void RequestPush(DateTimeOffset now)
        {
            if (now.UtcTicks - _pushPendingAt >= TimeSpan.TicksPerMinute)
            {
                _pushPendingAt = now.UtcTicks;
                Schedule(now.AddMinutes(1), new Event(EventKind.Push, -1, -1));
            }
        }

        private void TryStart(SimReporter reporter, DateTimeOffset now)
        {
            if (reporter.Current is not null)
            {
                return;
            }

            var efficiency = Duty.ReadingShare(reporter.Reporter, now);
            if (efficiency is null)
            {
                reporter.IdleSince = now;
                return;
            }

            var exam = _pool.Take(reporter, now);
            if (exam is null)
            {
                reporter.IdleSince = now;
                if (_push is not null)
                {
                    RequestPush(now);
                }

                return;
            }

            _taken[exam.Index] = true;
            reporter.Current = exam;
            _starts.Add(new ReadingStart(exam.Index, reporter.Reporter.Id, now));
            var reading = exam.ReleasedAfterMinutes is { } partial && !_released[exam.Index] ? partial : exam.ReadingMinutes;
            reporter.MinutesRead += reading;
            var pace = efficiency.Value * _scenario.SpeedOf(reporter.Reporter.Id);
            Schedule(now.AddMinutes(reading / pace), new Event(EventKind.Finish, reporter.Index, exam.Index));
        }

        private void Finish(SimReporter reporter, SimExam exam, DateTimeOffset now)
        {
            reporter.Current = null;
            if (exam.ReleasedAfterMinutes is not null && !_released[exam.Index])
            {
                _released[exam.Index] = true;
                _taken[exam.Index] = false;
                reporter.Releases++;
                _pool.Release(exam, reporter, now);
                TryStart(reporter, now);
                if (_push is null)
                {
                    Offer(exam, now);
                }

                return;
            }

            _open--;
            _reportedAt[exam.Index] = now;
            _pool.Done(exam);
            TryStart(reporter, now);
        }
    }
}
