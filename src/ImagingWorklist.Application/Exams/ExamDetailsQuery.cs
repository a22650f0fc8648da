using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Exams;

/// <summary>
/// Everything the exam view shows, patient identifiers included. Every successful read is audited as a view of patient
/// data, in the same transaction as nothing else: the audit row is written before the details are returned.
/// </summary>
public sealed class ExamDetailsQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// The details, if the viewer may see them: a reporter with a need to know (holding the claim, verifying, asked for
    /// an opinion, or having reported it — see <see cref="ReportingAccess"/>), or anyone when <paramref name="holderOnly"/>
    /// is false (managers), and only within the viewer's scope of trusts. A refusal reads no patient data and writes no view.
    /// </summary>
    public async Task<Outcome<ExamDetails>> LoadAsync(Guid examId, Actor viewer, bool holderOnly, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        if (exam is null)
        {
            return Outcome<ExamDetails>.Rejected("There is no such exam.");
        }

        var trusts = await scope.TrustIdsAsync(db, now, cancellationToken);
        if (trusts is not null && !trusts.Contains(exam.TrustId))
        {
            // Said the same way as a missing exam: the refusal must not confirm that the trust has such a patient.
            return Outcome<ExamDetails>.Rejected("There is no such exam among the trusts you may see.");
        }

        var access = viewer.ReporterId is { } reporterId ? await ReportingAccess.ForAsync(db, exam, reporterId, now, cancellationToken)
            : ReportingAccess.None;
        if (holderOnly && !access.MayOpen)
        {
            return Outcome<ExamDetails>.Rejected(
                "You do not hold a claim on this exam, so its patient details are not shown. Claim it from your worklist first.");
        }

        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == exam.SiteId, cancellationToken);
        var trust = await db.Trusts.AsNoTracking().SingleAsync(t => t.Id == exam.TrustId, cancellationToken);
        var holder = exam.ClaimedById is { } holderId
            ? await db.Reporters.AsNoTracking().Where(r => r.Id == holderId).Select(r => r.DisplayName)
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        var priors = await PriorsAsync(db, exam, trusts, cancellationToken);

        db.Audit(viewer, AuditAction.PatientDataViewed, now,
            $"Viewed exam {exam.Accession}" +
                $"{(priors.Count > 0 ? $" with {priors.Count} prior(s): {string.Join(", ", priors.Select(p => p.Accession))}" : "")}",
                    examId: exam.Id, trustId: exam.TrustId);
        await db.SaveChangesAsync(cancellationToken);

        return Outcome<ExamDetails>.Accepted(new ExamDetails(
            exam.Id,
            exam.Accession.Value,
            exam.StudyInstanceUid?.Value,
            exam.Patient,
            exam.Patient.AgeInYearsOn(DateOnly.FromDateTime(now.UtcDateTime)),
            trust.Name,
            site.Name,
            exam.Modality,
            exam.ProcedureDescription,
            exam.Pathway,
            exam.Priority,
            exam.ClinicalDetails,
            exam.TurnaroundClockStart,
            exam.DueAt,
            exam.State,
            exam.CurrentClaim,
            holder,
            exam.HoldReason,
            exam.StudyInstanceUid is { } uid ? site.ViewerUrl(uid, exam.Accession) : null,
            priors,
            access,
            exam.ProcedureCode,
            exam.RequiredSkill,
            exam.Referrer,
            exam.RegisteredGp));
    }

    /// <summary>
    /// The patient's other exams, newest first: at every trust the viewer may see when the patient has a verified NHS
    /// number (the one identifier shared across the network), otherwise only at this trust by its local number.
    /// </summary>
    private static async Task<IReadOnlyList<PriorExam>> PriorsAsync(WorklistDbContext db, Exam exam, IReadOnlyList<Guid>? trusts,
        CancellationToken cancellationToken)
    {
        var nhsNumber = exam.Patient.NhsNumber;
        var mrn = exam.Patient.LocalMrn;
        var query = db.Exams.AsNoTracking().Where(e => e.Id != exam.Id);
        query = nhsNumber is not null
            ? query.Where(e => e.Patient.NhsNumber == nhsNumber)
            : query.Where(e => e.TrustId == exam.TrustId && e.Patient.LocalMrn == mrn);
        if (trusts is not null)
        {
            query = query.Where(e => trusts.Contains(e.TrustId));
        }

        var rows = await (
            from e in query
            join t in db.Trusts on e.TrustId equals t.Id
            orderby e.OrderedAt descending
            select new { e.Id, e.Accession, e.ProcedureDescription, e.PerformedAt, e.OrderedAt, e.State, Trust = t.Name })
            .Take(20)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var reports = (await db.Reports.AsNoTracking()
                .Where(r => ids.Contains(r.ExamId) && (r.Status == ReportStatus.Final || r.Status == ReportStatus.Addendum)
                    && r.SignedAt != null)
                .Select(r => new { r.ExamId, r.Status, r.SignedAt, r.Text })
                .ToListAsync(cancellationToken))
            .OrderBy(r => r.SignedAt)
            .ToLookup(r => r.ExamId);
        return [.. rows.Select(r => new PriorExam(
            r.Id, r.Accession.Value, r.ProcedureDescription, r.PerformedAt ?? r.OrderedAt, r.State, r.Trust,
            [.. reports[r.Id].Select(p => new PriorReport(p.Status == ReportStatus.Addendum, p.SignedAt!.Value, p.Text))]))];
    }
}
