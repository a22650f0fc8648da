using System.Globalization;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Research;

/// <summary>
/// Builds one extract: reads the cohort's reported exams in batches (progress saved after each), leaves out patients who
/// opted out and those without a valid NHS number to check, pseudonymises, shifts dates, bands ages, scrubs report
/// text, suppresses small cells, then writes every format's files and the counts in one transaction.
/// </summary>
public sealed class ExtractBuilder(IDbContextFactory<WorklistDbContext> contexts, IEnumerable<IExtractFormat> formats,
    ResearchSettings settings, TimeProvider clock)
{
    public async Task BuildAsync(Guid extractId, CancellationToken cancellationToken)
    {
        try
        {
            await BuildCoreAsync(extractId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            var extract = await db.ResearchExtracts.SingleAsync(e => e.Id == extractId, CancellationToken.None);
            extract.Fail($"The extract could not be built: {exception.Message}", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task BuildCoreAsync(Guid extractId, CancellationToken cancellationToken)
    {
        DataAccessRequest request;
        Dictionary<Guid, string> trustCodes;
        List<Guid> examIds;
        ReportScrubber scrubber;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var extract = await db.ResearchExtracts.AsNoTracking().SingleAsync(e => e.Id == extractId, cancellationToken);
            request = await db.DataAccessRequests.AsNoTracking().SingleAsync(r => r.Id == extract.RequestId, cancellationToken);
            trustCodes = (await db.Trusts.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.OdsCode.Value);
            var staff = await db.Reporters.AsNoTracking().Select(r => r.DisplayName).ToListAsync(cancellationToken);
            scrubber = new ReportScrubber(staff);
            examIds = await CohortQuery(db, request.Cohort, trustCodes).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        }

        var pseudonyms = new Pseudonymiser(request.Secret);
        var rows = new List<ExtractRow>();
        int optedOut = 0, unverifiable = 0, removed = 0;
        for (var start = 0; start < examIds.Count; start += settings.BatchSize)
        {
            var batch = examIds.Skip(start).Take(settings.BatchSize).ToList();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var exams = await db.Exams.AsNoTracking().Where(e => batch.Contains(e.Id)).ToListAsync(cancellationToken);
            var reports = (await db.Reports.AsNoTracking()
                    .Where(r => batch.Contains(r.ExamId) && r.SignedAt != null &&
                        (r.Status == ReportStatus.Final || r.Status == ReportStatus.Addendum))
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.ExamId);
            var numbers = exams.Where(e => e.Patient.NhsNumber is not null).Select(e => e.Patient.NhsNumber!.Value).Distinct().ToList();
            var opted = (await db.OptedOutPatients.AsNoTracking().Where(o => numbers.Contains(o.NhsNumber)).Select(o => o.NhsNumber)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var exam in exams.OrderBy(e => e.Id))
            {
                if (exam.Patient.NhsNumber is not { } nhs)
                {
                    unverifiable++;
                    continue;
                }

                if (opted.Contains(nhs.Value))
                {
                    optedOut++;
                    continue;
                }

                if (Row(exam, reports[exam.Id].ToList(), request, trustCodes, pseudonyms, scrubber) is { } row)
                {
                    rows.Add(row.Row);
                    removed += row.Removed;
                }
            }

            var extract = await db.ResearchExtracts.SingleAsync(e => e.Id == extractId, cancellationToken);
            extract.Progress(Math.Min(start + batch.Count, examIds.Count), examIds.Count, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        var (kept, suppressed) = SmallCells.Suppress(rows, r => r.Patient, r => new QuasiIdentifier(r.AgeBand, r.Sex, r.Trust, r.Month),
            settings.SmallCellK);
        var counts = new ExtractCounts(kept.Count, kept.Select(r => r.Patient).Distinct(StringComparer.Ordinal).Count(), suppressed,
            optedOut,
            unverifiable, removed);
        var now = clock.GetUtcNow();
        var data = new ExtractData(request.Id, request.Title, request.Fields, kept, counts, settings.SmallCellK, now);
        var files = new List<ExtractFileContent>();
        foreach (var format in formats)
        {
            files.AddRange(await format.WriteAsync(data, cancellationToken));
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var extract = await db.ResearchExtracts.SingleAsync(e => e.Id == extractId, cancellationToken);
            db.ResearchExtractFiles.AddRange(files.Select(f => ResearchExtractFile.Of(extractId, f.Name, f.ResourceType, f.ContentType,
                f.Count,
                f.Content)));
            extract.Finish(counts, now);
            db.Audit(new Actor(extract.MadeBy), AuditAction.ResearchExtractMade, now,
                $"Extract for '{request.Title}' ({request.ApprovalReference}): {counts.Rows} reports of {counts.Patients} patients; " +
                    $"{counts.Suppressed} rows suppressed as small cells; {counts.OptedOut} exams left out for the opt-out, " +
                    $"{counts.Unverifiable} with no valid NHS number");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The cohort as far as the database can select it; age and report text are checked per exam.</summary>
    private static IQueryable<Exam> CohortQuery(WorklistDbContext db, ResearchCohort cohort, Dictionary<Guid, string> trustCodes)
    {
        var trusts = trustCodes.Where(t => cohort.TrustCodes.Contains(t.Value)).Select(t => t.Key).ToList();
        var from = UkCalendar.Midnight(cohort.From).AddDays(-1);
        var to = UkCalendar.Midnight(cohort.To.AddDays(2));
        var query = db.Exams.AsNoTracking().Where(e => trusts.Contains(e.TrustId)
            && (e.State == ExamState.Final || e.State == ExamState.Amended) && e.ReportedAt != null
            && (e.PerformedAt != null ? e.PerformedAt >= from && e.PerformedAt < to : e.OrderedAt >= from && e.OrderedAt < to));
        if (cohort.Modalities.Count > 0)
        {
            var modalities = cohort.Modalities.ToList();
            query = query.Where(e => modalities.Contains(e.Modality));
        }

        if (cohort.Pathways.Count > 0)
        {
            var pathways = cohort.Pathways.ToList();
            query = query.Where(e => pathways.Contains(e.Pathway));
        }

        if (cohort.ProcedureCodes.Count > 0)
        {
            var codes = cohort.ProcedureCodes.ToList();
            query = query.Where(e => codes.Contains(e.ProcedureCode));
        }

        return query;
    }

    private static (ExtractRow Row, int Removed)? Row(Exam exam, List<Report> reports, DataAccessRequest request,
        Dictionary<Guid, string> trustCodes, Pseudonymiser pseudonyms, ReportScrubber scrubber)
    {
        var cohort = request.Cohort;
        var examDay = UkCalendar.DayOf(exam.TurnaroundClockStart);
        // An exam dated before the recorded birth is a data error (or a neonate's date of birth entered late): it counts
        // as age 0, never stops the extract.
        var age = Math.Max(0, exam.Patient.AgeInYearsOn(examDay));
        var final = reports.Where(r => r.Status == ReportStatus.Final).OrderByDescending(r => r.SignedAt).FirstOrDefault();
        if (examDay < cohort.From || examDay > cohort.To || !cohort.IncludesAge(age) || final is null)
        {
            return null;
        }

        var text = string.Join("\n\n", [final.Text, .. reports.Where(r => r.Status == ReportStatus.Addendum).OrderBy(r => r.SignedAt)
            .Select(r => $"ADDENDUM: {r.Text}")]);
        if (cohort.TextContains is { } phrase && !text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var patient = exam.Patient;
        var key = patient.NhsNumber!.Value;
        var shift = pseudonyms.ShiftDays(key);
        var known = new ScrubKnowledge(
            [$"{patient.GivenName} {patient.FamilyName}", exam.Referrer ?? string.Empty, exam.RegisteredGp ?? string.Empty],
            [key, patient.NhsNumber.Formatted, patient.LocalMrn, exam.Accession.Value, exam.StudyInstanceUid?.Value ?? string.Empty]);
        var scrubbed = (request.Fields & ExtractFields.ReportText) != 0 ? scrubber.Scrub(text, known) : new Scrubbed(string.Empty, 0);
        var reportDay = UkCalendar.DayOf(final.SignedAt!.Value);
        return (new ExtractRow(
            pseudonyms.Pseudonym("P", key),
            pseudonyms.Pseudonym("S", $"{trustCodes[exam.TrustId]}/{exam.Accession.Value}"),
            pseudonyms.Pseudonym("R", final.Id.ToString()),
            patient.Sex,
            AgeBand.Of(age),
            trustCodes[exam.TrustId],
            exam.Modality,
            exam.ProcedureCode,
            exam.ProcedureDescription,
            exam.BodyPart,
            exam.Pathway,
            exam.Priority,
            examDay.AddDays(shift),
            reportDay.AddDays(shift),
            exam.TurnaroundMinutes,
            scrubbed.Text,
            examDay.ToString("yyyy-MM", CultureInfo.InvariantCulture)), scrubbed.Removed);
    }
}
