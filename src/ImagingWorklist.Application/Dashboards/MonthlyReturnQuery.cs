using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>
/// The monthly turnaround return per trust and for the network, in the terms of NHS England's reporting turnaround
/// guidance (2023): reports issued in the month by patient setting (ED, inpatient, outpatient, GP direct access) and
/// modality group, median and 90th centile turnaround, the share within the local target, reports that took over four
/// weeks, and exams still waiting over four weeks at the month's end. Every figure is a sum of database-counted cells.
/// </summary>
public sealed class MonthlyReturnQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public const string All = "All";
    public const string NetworkCode = "NETWORK";

    public static string SettingOf(Pathway pathway) => pathway switch
    {
        Pathway.Emergency => "Emergency department",
        Pathway.Inpatient => "Inpatient",
        Pathway.GpDirectAccess => "GP direct access",
        _ => "Outpatient",
    };

    public static string GroupOf(Modality modality) => modality switch
    {
        Modality.CR or Modality.DX => "Plain film",
        Modality.CT => "CT",
        Modality.MR => "MR",
        Modality.US => "Ultrasound",
        _ => "Other",
    };

    /// <param name="from">The first instant of the month (local midnight on the 1st, as the caller's calendar has it).</param>
    /// <param name="to">The first instant of the next month.</param>
    public async Task<MonthlyReturn> ReturnAsync(DateOnly month, DateTimeOffset from, DateTimeOffset to, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cells = await TurnaroundQuery.CellsAsync(db, from, to, scope, cancellationToken);
        var cutoff = to.AddDays(-28);

        // Waiting at the month's end: reported after it (an index range on ReportedAt), or not reported at all (open, or
        // cancelled after it: the State index). Two index-friendly queries instead of one scan of every exam.
        var scoped = await scope.ExamsAsync(db, to, cancellationToken);
        var examinedBefore = scoped.Where(e => e.ReadyAt != null && e.ReadyAt < to && (e.PerformedAt ?? e.ReadyAt) < cutoff);
        var reportedLater = examinedBefore.Where(e => e.ReportedAt >= to);
        var notReported = examinedBefore.Where(e => e.ReportedAt == null
            && (OpenExamsQuery.OpenStates.Contains(e.State) || (e.State == ExamState.Cancelled && e.CancelledAt >= to)));
        var waiting = new List<(Guid TrustId, Pathway Pathway, Modality Modality, int Count)>();
        foreach (var part in new[] { reportedLater, notReported })
        {
            waiting.AddRange((await part
                .GroupBy(e => new { e.TrustId, e.Pathway, e.Modality })
                .Select(g => new { g.Key.TrustId, g.Key.Pathway, g.Key.Modality, Count = g.Count() })
                .ToListAsync(cancellationToken)).Select(w => (w.TrustId, w.Pathway, w.Modality, w.Count)));
        }

        var trusts = await db.Trusts.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var network = await db.Networks.AsNoTracking().Select(n => n.Name).FirstOrDefaultAsync(cancellationToken) ?? "Network";

        var rows = new List<MonthlyReturnRow>();
        var organisations = cells.Select(c => c.TrustId).Concat(waiting.Select(w => w.TrustId)).Distinct()
            .Where(trusts.ContainsKey)
            .Select(id => (Code: trusts[id].OdsCode.Value, Name: trusts[id].Name, Includes: (Func<Guid, bool>)(t => t == id)))
            .OrderBy(o => o.Code, StringComparer.Ordinal)
            .Prepend((Code: NetworkCode, Name: scope.IsWholeNetwork ? network : $"{network} (your trusts)", Includes: _ => true));
        string[] settings = [All, .. Enum.GetValues<Pathway>().Select(SettingOf).Distinct()];
        string[] groups = [All, .. Enum.GetValues<Modality>().Select(GroupOf).Distinct()];
        foreach (var (code, name, includes) in organisations)
        {
            foreach (var setting in settings)
            {
                foreach (var group in groups)
                {
                    bool Matches(Guid trust, Pathway pathway, Modality modality) =>
                        includes(trust) && (setting == All || SettingOf(pathway) == setting)
                            && (group == All || GroupOf(modality) == group);
                    var mine = cells.Where(c => Matches(c.TrustId, c.Pathway, c.Modality)).ToList();
                    var stillWaiting = waiting.Where(w => Matches(w.TrustId, w.Pathway, w.Modality)).Sum(w => w.Count);
                    var reported = mine.Sum(c => c.Reported);
                    if (reported == 0 && stillWaiting == 0 && (setting != All || group != All))
                    {
                        continue;
                    }

                    var histogram = new int[TurnaroundQuery.Edges.Length + 1];
                    foreach (var cell in mine)
                    {
                        for (var i = 0; i < histogram.Length; i++)
                        {
                            histogram[i] += cell.Histogram[i];
                        }
                    }

                    var max = mine.Count == 0 ? 0 : mine.Max(c => c.MaxMinutes);
                    rows.Add(new MonthlyReturnRow(code, name, setting, group, reported,
                        TurnaroundQuery.Percentile(histogram, 0.5, max) / 60, TurnaroundQuery.Percentile(histogram, 0.9, max) / 60,
                        mine.Sum(c => c.WithinTarget), mine.Sum(c => c.OverFourWeeks), stillWaiting));
                }
            }
        }

        return new MonthlyReturn(month, from, to, rows);
    }
}
