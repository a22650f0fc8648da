using System.Globalization;
using System.Text;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Audit;

/// <summary>Reads the audit trail for the administrators' viewer and its CSV export. Reading only: there is no way to change a
/// row.</summary>
public sealed class AuditQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public const int MaxPageSize = 500;

    /// <summary>The largest export in one file; a wider search is refused with advice to narrow it.</summary>
    public const int MaxExportRows = 200_000;

    public async Task<AuditPage> PageAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Matching(db, filter);
        var total = await matching.CountAsync(cancellationToken);
        var rows = await Rows(db, matching.OrderByDescending(a => a.At).ThenBy(a => a.Id).Skip(skip).Take(Math.Clamp(take, 1, MaxPageSize)))
            .ToListAsync(cancellationToken);
        return new AuditPage([.. rows.Select(r => r.ToRow())], total);
    }

    public async Task<int> CountAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Matching(db, filter).CountAsync(cancellationToken);
    }

    /// <summary>Writes the matching rows as CSV (RFC 4180, UTF-8), oldest first, streaming rather than holding them all.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteLineAsync("at_utc,action,actor,detail,reason,source,exam_id,accession,trust_ods");
        await foreach (var projected in Rows(db, Matching(db, filter).OrderBy(a => a.At).ThenBy(a => a.Id).Take(MaxExportRows))
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var row = projected.ToRow();
            await writer.WriteLineAsync(string.Join(',',
                Csv(row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                Csv(Labels.Of(row.Action)),
                Csv(row.Actor),
                Csv(row.Detail),
                Csv(row.Reason),
                Csv(row.Source),
                Csv(row.ExamId?.ToString()),
                Csv(row.Accession),
                Csv(row.TrustOds)));
        }
    }

    public static string Csv(string? value) => Common.CsvText.Field(value);

    private static IQueryable<AuditEvent> Matching(WorklistDbContext db, AuditFilter filter)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (filter.From is { } from)
        {
            events = events.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            events = events.Where(a => a.At < to);
        }

        if (filter.Action is { } action)
        {
            events = events.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            events = events.Where(a => a.Actor == actor);
        }

        if (filter.ExamId is { } exam)
        {
            events = events.Where(a => a.ExamId == exam);
        }

        return events;
    }

    private static IQueryable<Projection> Rows(WorklistDbContext db, IQueryable<AuditEvent> events) =>
        from a in events
        join e in db.Exams on a.ExamId equals e.Id into exams
        from exam in exams.DefaultIfEmpty()
        join t in db.Trusts on a.TrustId equals t.Id into trusts
        from trust in trusts.DefaultIfEmpty()
        select new Projection { Event = a, Accession = exam == null ? null : exam.Accession, TrustOds = trust == null ? null
            : trust.OdsCode };

    private sealed class Projection
    {
        public required AuditEvent Event { get; init; }

        public Domain.Identifiers.AccessionNumber? Accession { get; init; }

        public Domain.Identifiers.OdsCode? TrustOds { get; init; }

        public AuditRow ToRow() =>
            new(Event.At, Event.Action, Event.Actor, Event.Detail, Event.Reason, Event.Source, Event.ExamId, Accession?.Value,
                TrustOds?.Value);
    }
}
