using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;

namespace ImagingWorklist.Application.FastLanes;

/// <summary>Putting an exam into a fast lane inside a caller's unit of work (an order, an AI result, a flag), audited.</summary>
public static class FastLaneEntry
{
    /// <summary>Enters the lane and audits it; refused when the exam is already in one or closed (nothing changes).
    /// The caller saves.</summary>
    public static Outcome Enter(WorklistDbContext db, Exam exam, FastLane lane, string reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(exam);
        var entered = exam.EnterFastLane(lane, reason, now);
        if (entered.Succeeded)
        {
            db.Audit(actor, AuditAction.FastLaneEntered, now,
                $"{exam.Accession} entered the {Labels.Of(lane).ToLowerInvariant()} fast lane: {exam.FastLaneReason}", examId: exam.Id,
                trustId: exam.TrustId);
        }

        return entered;
    }

    /// <summary><see cref="Enter"/>, for callers for whom an exam already in a lane is no news.</summary>
    public static bool TryEnter(WorklistDbContext db, Exam exam, FastLane lane, string reason, Actor actor, DateTimeOffset now) =>
        Enter(db, exam, lane, reason, actor, now).Succeeded;

    /// <summary>The lane an order's codes put its exam into; the caller saves.</summary>
    public static bool FromOrder(WorklistDbContext db, Exam exam, IEnumerable<string> codes, FastLaneSettings lanes, Actor actor,
        DateTimeOffset now) =>
        lanes.ForOrder(codes) is { } match && TryEnter(db, exam, match.Lane, $"order code {match.Code}", actor, now);
}
