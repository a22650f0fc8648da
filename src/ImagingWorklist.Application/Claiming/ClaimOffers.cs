using ImagingWorklist.Application.Engine;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Claiming;

/// <summary>
/// What the engine offered a reporter when they claimed (decision 0025), kept so cherry-picking shows: the list is read
/// just before the claim, and the offer is stored after the claim has committed, in a transaction of its own. The claim
/// never fails because of it (a failure is logged), but its answer does wait for that one short write.
/// </summary>
internal static class ClaimOffers
{
    /// <summary>The reporter's ranked list as the engine offers it now; empty before the engine has loaded.</summary>
    public static IReadOnlyList<RankedExam> Offered(WorklistEngineHost engine, Guid reporterId) =>
        engine.IsLoaded ? engine.RankedFor(reporterId) : [];

    public static async Task RecordAsync(IDbContextFactory<WorklistDbContext> contexts, Guid examId, Guid reporterId,
        IReadOnlyList<RankedExam> offered, DateTimeOffset at, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var onList = offered.FirstOrDefault(r => r.Exam.Id == examId);
            var taken = onList?.Exam.ExpectedMinutes
                ?? await db.Exams.Where(e => e.Id == examId).Select(e => e.ExpectedReadingMinutes).SingleAsync(cancellationToken);
            db.ClaimOffers.Add(new ClaimOffer
            {
                Id = Guid.NewGuid(),
                ExamId = examId,
                ReporterId = reporterId,
                At = at,
                Rank = onList?.Rank,
                TakenMinutes = taken,
                FirstMinutes = offered.Count > 0 ? offered[0].Exam.ExpectedMinutes : null,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(e, "The offer behind claim of exam {ExamId} by {ReporterId} was not recorded", examId, reporterId);
        }
    }
}
