using ImagingWorklist.Application.Engine;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Persistence;
using ImagingWorklist.Simulation;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Simulation;

/// <summary>
/// "What happens to breaches next week if I change the rota?": the network simulation (the real engine, in pull mode)
/// run from the current backlog, with arrivals in the pattern of the last four weeks, against the rota as it stands and
/// the rota with the proposed changes, on the same random numbers so the difference is the change's.
/// </summary>
public sealed class WhatIfService(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public const int Days = 7;
    public const int DefaultReplications = 6;

    /// <summary>Simulations share the web server with everyone's worklist: one at a time, on at most half the cores.</summary>
    internal static readonly int Cores = Math.Max(1, Environment.ProcessorCount / 2);

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Someone else's simulation is running; a new one waits for it.</summary>
    public static bool Busy => Gate.CurrentCount == 0;

    /// <summary>Runs CPU-bound simulation work off the caller's thread, one simulation at a time on this server.</summary>
    public static async Task<T> RunExclusiveAsync<T>(Func<T> work, CancellationToken cancellationToken, IProgress<double>? progress = null)
    {
        await Gate.WaitAsync(cancellationToken);
        progress?.Report(0); // Our turn: the caller can say "Starting…" rather than "waiting".
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The week against both rotas, one simulation at a time on this server.</summary>
    public Task<WhatIfResult> CompareAsync(SimulationScenario current, WhatIfProposal proposal, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(() => Compare(current, proposal, DefaultReplications, progress, cancellationToken), cancellationToken, progress);
    private static readonly TimeSpan History = TimeSpan.FromDays(28);

    /// <summary>The network as it stands now: reporters with their rota, the open backlog and the recent arrival pattern.</summary>
    public async Task<SimulationScenario> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporters = await WorklistEngineHost.LoadReportersAsync(db, null, now, cancellationToken);
        var open = await db.Exams.AsNoTracking()
            .Where(e => e.State == ExamState.Ready || e.State == ExamState.Claimed || e.State == ExamState.Preliminary)
            .ToListAsync(cancellationToken);
        var backlog = open.Select(EngineExam.From).OfType<EngineExam>().Select(e => e with { ClaimedBy = null }).ToList();
        var since = now - History;
        var arrived = await db.Exams.AsNoTracking()
            .Where(e => e.ReadyAt != null && e.ReadyAt >= since && e.ReadyAt < now)
            .Select(e => new
            {
                e.TrustId, e.SiteId, e.ProcedureCode, e.ProcedureDescription, e.Modality, e.BodyPart, e.RequiredSkill,
                    e.ExpectedReadingMinutes,
                e.Pathway, e.PatientClass, e.Priority, ReadyAt = e.ReadyAt!.Value,
            })
            .ToListAsync(cancellationToken);
        var rules = await db.TurnaroundRules.AsNoTracking().ToListAsync(cancellationToken);

        // Expected arrivals per hour of the week: the count in each hour over the weeks of history there are.
        var weeks = arrived.Count == 0 ? 1 : Math.Clamp((now - arrived.Min(a => a.ReadyAt)).TotalDays / 7, 1, 4);
        var kinds = arrived
            .GroupBy(a => (a.TrustId, a.SiteId, a.ProcedureCode, a.Pathway, a.PatientClass, a.Priority))
            .Select(g =>
            {
                var first = g.First();
                var perHour = new double[ArrivalKind.HoursPerWeek];
                foreach (var a in g)
                {
                    perHour[ArrivalKind.HourOfWeek(a.ReadyAt)] += 1 / weeks;
                }

                var procedure =
                    new Procedure(first.ProcedureCode, first.ProcedureDescription, first.Modality, first.BodyPart, first.RequiredSkill,
                    first.ExpectedReadingMinutes);
                return new ArrivalKind(first.TrustId, first.SiteId, procedure, first.Pathway, first.PatientClass, first.Priority, perHour);
            })
            .ToList();
        return new SimulationScenario("This network from now", now, TimeSpan.FromDays(Days), reporters, backlog, kinds,
            new TurnaroundPolicy(rules));
    }

    /// <summary>Why a proposed session cannot be simulated, or null if it can.</summary>
    public static string? Check(ProposedSession session, SimulationScenario current)
    {
        if (current.Reporters.All(r => r.Id != session.ReporterId))
        {
            return "Choose a reporter from the list.";
        }

        if (session.End <= session.Start)
        {
            return "The session must end after it starts.";
        }

        if (session.End <= current.Start || session.Start >= current.End)
        {
            return $"The session must fall within the simulated week ({current.Start.UtcDateTime:ddd d MMM HH:mm} to " +
                $"{current.End.UtcDateTime:ddd d MMM HH:mm} UTC).";
        }

        var minutes = (int)(session.End - session.Start).TotalMinutes;
        return session.CapacityMinutes < 1 || session.CapacityMinutes > minutes
            ? $"Reading capacity must be between 1 and {minutes} minutes (the session's length)."
            : null;
    }

    /// <summary>The rota with the proposal applied: removed duty taken out, sessions added.</summary>
    public static SimulationScenario Apply(SimulationScenario current, WhatIfProposal proposal)
    {
        var reporters = current.Reporters.Select(reporter =>
        {
            var shifts = reporter.Shifts
                .Where(s => !proposal.Removed.Any(r => r.ReporterId == reporter.Id && s.Start >= r.From && s.Start < r.To))
                .Concat(proposal.Added.Where(a => a.ReporterId == reporter.Id).Select(a => new EngineShift(
                    a.Start,
                    a.End,
                    ShiftKind.InHoursSession,
                    a.NetworkWide ? CoverScope.Network : CoverScope.Trusts,
                    a.NetworkWide ? [] : [.. reporter.Credentials.Select(c => c.TrustId).Distinct()],
                    a.CapacityMinutes)))
                .ToList();
            return shifts.Count == reporter.Shifts.Count && proposal.Removed.All(r => r.ReporterId != reporter.Id) ? reporter
                : reporter with { Shifts = shifts };
        }).ToList();
        return current.WithReporters(reporters);
    }

    /// <summary>Simulates the week against both rotas (CPU-bound: callers run it off the UI thread).</summary>
    public static WhatIfResult Compare(
        SimulationScenario current, WhatIfProposal proposal, int replications = DefaultReplications, IProgress<double>? progress = null,
            CancellationToken cancellationToken = default)
    {
        var workloads = Replications.Workloads(current, replications);
        var counter = new RunCounter(progress, 2 * replications);
        var currentRuns = Replications.RunOn(current, workloads, Strategy.EnginePull, Cores, counter.Done, cancellationToken);
        var proposedRuns =
            Replications.RunOn(Apply(current, proposal), workloads, Strategy.EnginePull, Cores, counter.Done, cancellationToken);
        return new WhatIfResult(
            current.Start,
            Days,
            replications,
            current.Backlog.Count,
            current.Arrivals.Sum(a => a.PerHourOfWeek.Sum()) / 7,
            WhatIfProjection.Of(currentRuns, Days),
            WhatIfProjection.Of(proposedRuns, Days),
            new WhatIfChanges(
                WhatIfChange.Paired(currentRuns, proposedRuns, r => r.Breaches),
                WhatIfChange.Paired(currentRuns, proposedRuns, r => r.UrgentBreaches),
                WhatIfChange.Paired(currentRuns, proposedRuns, r => 100 * r.OnTimeShare),
                WhatIfChange.Paired(currentRuns, proposedRuns, r => r.OpenAtEnd)));
    }
}
