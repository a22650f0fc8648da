using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Reporting;

/// <summary>
/// Why a reporter may open an exam they do not hold, and what they may do there (and whether their signature needs a
/// consultant's verification). Each reason is also a need to know:
/// someone without any of them sees no patient data.
/// </summary>
public sealed record ReportingAccess(bool Holds, bool MayVerify, IReadOnlyList<Guid> ConsultsToAnswer, bool Reported, bool MayAddAddendum,
    bool SignNeedsVerification = false)
{
    public static ReportingAccess None { get; } = new(false, false, [], false, false);

    public bool MayOpen => Holds || MayVerify || ConsultsToAnswer.Count > 0 || Reported;

    /// <summary>
    /// The exam, when this reporter is working on it now (holds it, verifies it, answers a question on it, or wrote its
    /// report); otherwise the refusal, "Only a reporter working on this exam may <paramref name="act"/>."
    /// </summary>
    public static async Task<Outcome<Exam>> WorkingOnAsync(WorklistDbContext db, Guid examId, Guid reporterId, string act,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var exam = await db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        return exam is null ? Outcome<Exam>.Rejected("There is no such exam.")
            : (await ForAsync(db, exam, reporterId, now, cancellationToken)).MayOpen ? Outcome<Exam>.Accepted(exam)
            : Outcome<Exam>.Rejected($"Only a reporter working on this exam may {act}.");
    }

    /// <summary>Works out what the reporter may do on the exam now.</summary>
    public static async Task<ReportingAccess> ForAsync(WorklistDbContext db, Exam exam, Guid reporterId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
        if (reporter is null)
        {
            return None;
        }

        if (!await CredentialedAsync(db, reporterId, exam.TrustId, now, cancellationToken))
        {
            return None;
        }

        var holds = exam.CurrentClaim is { } claim && claim.ReporterId == reporterId && !claim.IsExpiredAt(now);
        var reports = await db.Reports.AsNoTracking().Where(r => r.ExamId == exam.Id).ToListAsync(cancellationToken);
        var working = reports.FirstOrDefault(r => r.Status == ReportStatus.AwaitingVerification);
        var specialist = IsSpecialistFor(reporter, exam.RequiredSkill, exam);
        var mayVerify = exam.State == ExamState.AwaitingVerification && working is not null && working.SubmittedById != reporterId
            && specialist;
        var consults = await db.ConsultRequests.AsNoTracking()
            .Where(c => c.ExamId == exam.Id && c.Status == ConsultStatus.Open && c.RequestedById != reporterId)
            .ToListAsync(cancellationToken);
        var toAnswer = consults
            .Where(c => c.TargetReporterId == reporterId || (c.TargetReporterId is null && IsSpecialistFor(reporter, c.Skill, exam)))
            .Select(c => c.Id)
            .ToList();
        var reported =
            reports.Any(r => r.AuthorId == reporterId || r.SubmittedById == reporterId || r.SignedById == reporterId
            || r.LastEditedById == reporterId);
        var final = exam.State is ExamState.Final or ExamState.Amended && reports.Any(r => r.Status == ReportStatus.Final);
        var mayAddAddendum = final
            && (reports.Any(r => r.Status == ReportStatus.Final && (r.SignedById == reporterId || r.SubmittedById == reporterId))
            || specialist);
        return new ReportingAccess(holds, mayVerify, toAnswer, reported, mayAddAddendum, reporter.NeedsVerification);
    }

    /// <summary>Holds a valid credential for the trust now (the same reading of credentials as every other access check).</summary>
    public static async Task<bool> CredentialedAsync(WorklistDbContext db, Guid reporterId, Guid trustId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        (await AccessScope.ForReporter(reporterId).TrustIdsAsync(db, now, cancellationToken))!.Contains(trustId);

    /// <summary>A consultant with the skill who may report this kind of exam (credentials are checked by the caller).</summary>
    public static bool IsSpecialistFor(Reporter reporter, Skill skill, Exam exam) =>
        reporter.Role == ProfessionalRole.ConsultantRadiologist && reporter.LevelIn(skill) is not null
            && reporter.MayReport(exam.Modality, exam.BodyPart);
}
