using System.Globalization;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Ai;

/// <summary>
/// AI results in (from the HL7 and FHIR ingest, inside its transaction) and the radiologist's answer to them. A live
/// algorithm's positive finding sets the exam's flag, which the engine ranks as an emergency; a silent one's is only
/// recorded. Every exam an algorithm looked at asks its reporter, at signing, whether each finding was present, so the
/// algorithm can be measured both ways (sensitivity needs the findings it missed).
/// </summary>
public sealed class AiResults(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    /// <summary>Records one message's results for an exam; says what changed. The caller saves.</summary>
    public static async Task<(string Summary, bool FlagChanged)> ApplyAsync(WorklistDbContext db, Exam exam, AiAlgorithm algorithm,
        IReadOnlyList<AiResultIn> results, string source, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exam);
        ArgumentNullException.ThrowIfNull(algorithm);
        var held = await db.AiResults.Where(r => r.ExamId == exam.Id).ToListAsync(cancellationToken);
        foreach (var result in results)
        {
            var finding = algorithm.Finding(result.Code)
                ?? throw new ArgumentException($"{result.Code} is not a finding of {algorithm.Label}.", nameof(results));
            if (held.FirstOrDefault(r => r.AlgorithmId == algorithm.Id && r.Code == finding.Code) is { } earlier)
            {
                earlier.Replace(algorithm, finding, result.Positive, result.Score, source, now);
            }
            else
            {
                var added = AiResult.Record(Guid.NewGuid(), exam.Id, exam.TrustId, algorithm, finding, result.Positive, result.Score,
                    source, now);
                db.AiResults.Add(added);
                held.Add(added);
            }
        }

        var flagChanged = !exam.State.IsTerminal() && exam.SetAiFlag(AiResult.FlagFor(held), now).Succeeded;
        var live = algorithm.IsLiveFor(exam.TrustId);
        var what = string.Join("; ", results.Select(r => $"{algorithm.Finding(r.Code)!.Code} {(r.Positive ? "positive" : "negative")}" +
            (r.Score is { } s ? string.Create(CultureInfo.InvariantCulture, $" {s:0.00}") : string.Empty)));
        db.Audit(actor, AuditAction.AiResultReceived, now, $"{algorithm.Label} ({(live ? "live" : "silent")}) on {exam.Accession}: {what}",
            examId: exam.Id, trustId: exam.TrustId);
        var effect = exam.State.IsTerminal() ? "the exam is already closed; recorded for the algorithm's record"
            : !live ? "the algorithm is silent for this trust; recorded only"
            : exam.AiFlag is not null ? "the exam is now ranked as an emergency"
            : "no finding flagged; the exam keeps its place";
        return ($"Recorded {results.Count} AI result(s) from {algorithm.Label} for exam {exam.Accession}: {effect}.", flagChanged);
    }

    /// <summary>The results on an exam, for its report panel (oldest first).</summary>
    public async Task<IReadOnlyList<AiResultView>> ForExamAsync(Guid examId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var results = await db.AiResults.AsNoTracking().Where(r => r.ExamId == examId).ToListAsync(cancellationToken);
        return [.. results.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Code, StringComparer.Ordinal).Select(AiResultView.Of)];
    }

    /// <summary>
    /// The reporter holding the exam says whether a finding was present. Only the holder may: the answer belongs to the
    /// report being written.
    /// </summary>
    public async Task<Outcome> JudgeAsync(Guid resultId, Guid reporterId, bool present, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await db.AiResults.SingleOrDefaultAsync(r => r.Id == resultId, cancellationToken);
        var exam = result is null ? null
            : await db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == result.ExamId, cancellationToken);
        if (result is null || exam is null)
        {
            return Outcome.Rejected("That AI result no longer exists; reload the exam.");
        }

        if (exam.ClaimedById != reporterId || exam.State is not (ExamState.Claimed or ExamState.Preliminary))
        {
            return Outcome.Rejected($"Only the reporter holding exam {exam.Accession} can say whether the finding was present.");
        }

        var judged = result.Judge(present, actor.Name, now);
        if (!judged.Succeeded)
        {
            return judged;
        }

        db.Audit(actor, AuditAction.AiFindingJudged, now,
            $"{result.Display} ({result.AlgorithmLabel}) on {exam.Accession}: {(present ? "present" : "not present")}", examId: exam.Id,
            trustId: exam.TrustId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Rejected("A newer AI result for this finding arrived just now; answer it again.");
        }

        return Outcome.Accepted;
    }

    /// <summary>Why an exam cannot be signed yet: a finding the reporter has not judged. Null when none is left.</summary>
    public static async Task<string?> UnjudgedAsync(WorklistDbContext db, Guid examId, CancellationToken cancellationToken)
    {
        var open = await db.AiResults.AsNoTracking().Where(r => r.ExamId == examId && r.Present == null).Select(r => r.Display)
            .ToListAsync(cancellationToken);
        return open.Count == 0 ? null
            : $"Say whether {string.Join(" and ", open.Order(StringComparer.Ordinal).Select(AiResult.InSentence))} " +
                $"{(open.Count == 1 ? "was" : "were")} present (AI findings, above the report) before signing.";
    }
}
