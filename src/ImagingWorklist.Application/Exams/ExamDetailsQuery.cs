using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Exams;

public sealed record PriorExam(Guid ExamId, string Accession, string ProcedureDescription, DateTimeOffset PerformedAt, ExamState State);

public sealed record ExamDetails(
    Guid ExamId,
    string Accession,
    string? StudyInstanceUid,
    Patient Patient,
    int PatientAgeYears,
    string TrustName,
    string SiteName,
    Modality Modality,
    string ProcedureDescription,
    Pathway Pathway,
    ClinicalPriority Priority,
    string ClinicalDetails,
    DateTimeOffset PerformedAt,
    DateTimeOffset DueAt,
    ExamState State,
    Claim? Claim,
    string? ClaimedBy,
    string? HoldReason,
    string? ViewerUrl,
    IReadOnlyList<PriorExam> Priors,
    ReportingAccess Access,
    string ProcedureCode,
    Domain.Reporters.Skill RequiredSkill);

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
    public async Task<Outcome<ExamDetails>> LoadAsync(Guid examId, Actor viewer, bool holderOnly, AccessScope scope, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        if (exam is null)
        {
            return Outcome<ExamDetails>.Rejected("There is no such exam.");
        }

        if (await scope.TrustIdsAsync(db, now, cancellationToken) is { } trusts && !trusts.Contains(exam.TrustId))
        {
            // Said the same way as a missing exam: the refusal must not confirm that the trust has such a patient.
            return Outcome<ExamDetails>.Rejected("There is no such exam among the trusts you may see.");
        }

        var access = viewer.ReporterId is { } reporterId ? await ReportingAccess.ForAsync(db, exam, reporterId, now, cancellationToken) : ReportingAccess.None;
        if (holderOnly && !access.MayOpen)
        {
            return Outcome<ExamDetails>.Rejected("You do not hold a claim on this exam, so its patient details are not shown. Claim it from your worklist first.");
        }

        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == exam.SiteId, cancellationToken);
        var trust = await db.Trusts.AsNoTracking().SingleAsync(t => t.Id == exam.TrustId, cancellationToken);
        var holder = exam.ClaimedById is { } holderId
            ? await db.Reporters.AsNoTracking().Where(r => r.Id == holderId).Select(r => r.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        var nhsNumber = exam.Patient.NhsNumber;
        var mrn = exam.Patient.LocalMrn;
        var priors = await db.Exams.AsNoTracking()
            .Where(e => e.Id != exam.Id && e.TrustId == exam.TrustId && (nhsNumber != null ? e.Patient.NhsNumber == nhsNumber : e.Patient.LocalMrn == mrn))
            .OrderByDescending(e => e.OrderedAt)
            .Take(20)
            .Select(e => new { e.Id, e.Accession, e.ProcedureDescription, e.PerformedAt, e.OrderedAt, e.State })
            .ToListAsync(cancellationToken);

        db.Audit(viewer, AuditAction.PatientDataViewed, now, $"Viewed exam {exam.Accession}", examId: exam.Id, trustId: exam.TrustId);
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
            [.. priors.Select(p => new PriorExam(p.Id, p.Accession.Value, p.ProcedureDescription, p.PerformedAt ?? p.OrderedAt, p.State))],
            access,
            exam.ProcedureCode,
            exam.RequiredSkill));
    }
}
