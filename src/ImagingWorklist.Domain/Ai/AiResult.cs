using System.Globalization;
using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Ai;

/// <summary>
/// What one algorithm said about one finding on one exam, positive or not, and, once the report is signed, what the
/// radiologist found. A later result for the same exam, algorithm and finding replaces the earlier one (the vendor
/// corrected itself). Whether it was live is decided when it arrives, so switching an algorithm on later does not rewrite
/// the record of what it did while silent.
/// </summary>
public sealed class AiResult
{
    public const int LabelMaxLength = 150;
    public const int SourceMaxLength = 40;
    public const int PersonMaxLength = 200;

    private AiResult()
    {
        AlgorithmLabel = string.Empty;
        Code = string.Empty;
        Display = string.Empty;
        Source = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ExamId { get; private set; }

    public Guid TrustId { get; private set; }

    public Guid AlgorithmId { get; private set; }

    /// <summary>Name and version when the result came ("qER v2").</summary>
    public string AlgorithmLabel { get; private set; }

    public string Code { get; private set; }

    public string Display { get; private set; }

    /// <summary>The algorithm says the finding is there (a flag); false: it looked and did not find it.</summary>
    public bool Positive { get; private set; }

    /// <summary>The algorithm's confidence, 0 to 1, when it sends one.</summary>
    public double? Score { get; private set; }

    /// <summary>The algorithm was live for the exam's trust when the result came: a positive raised the exam's urgency.</summary>
    public bool Live { get; private set; }

    /// <summary>How it came: "HL7 v2" or "FHIR".</summary>
    public string Source { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The radiologist's answer: was the finding present? Null until they say.</summary>
    public bool? Present { get; private set; }

    public string? JudgedBy { get; private set; }

    public DateTimeOffset? JudgedAt { get; private set; }

    public int Version { get; private set; }

    public static AiResult Record(Guid id, Guid examId, Guid trustId, AiAlgorithm algorithm, AiFindingCode finding, bool positive,
        double? score, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(finding);
        var result = new AiResult { Id = id, ExamId = examId, TrustId = trustId, AlgorithmId = algorithm.Id };
        result.Replace(algorithm, finding, positive, score, source, now);
        return result;
    }

    /// <summary>A newer result for the same finding; an answer the radiologist gave to the old one no longer stands.</summary>
    public void Replace(AiAlgorithm algorithm, AiFindingCode finding, bool positive, double? score, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(finding);
        if (score is { } s && (double.IsNaN(s) || s < 0 || s > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A score is between 0 and 1.");
        }

        var label = algorithm.Label;
        AlgorithmLabel = label.Length > LabelMaxLength ? label[..LabelMaxLength] : label;
        (Code, Display, Positive, Score) = (finding.Code, finding.Display, positive, score);
        Live = algorithm.IsLiveFor(TrustId);
        Source = source.Length > SourceMaxLength ? source[..SourceMaxLength] : source;
        ReceivedAt = now;
        (Present, JudgedBy, JudgedAt) = (null, null, null);
        Version++;
    }

    /// <summary>The radiologist says whether the finding was present (they may change their mind until the exam is signed).</summary>
    public Outcome Judge(bool present, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            return Outcome.Rejected("Say who judged the finding.");
        }

        (Present, JudgedBy, JudgedAt) = (present, by.Length > PersonMaxLength ? by[..PersonMaxLength] : by, now);
        Version++;
        return Outcome.Accepted;
    }

    /// <summary>A live positive raises urgency: this is the sentence "Why?" shows.</summary>
    public bool RaisesUrgency => Live && Positive;

    /// <summary>"AI (qER v2) flagged suspected intracranial haemorrhage, score 0.93".</summary>
    public string Flag => FlagOf(AlgorithmLabel, Display, Score);

    public static string FlagOf(string label, string display, double? score)
    {
        var words = InSentence(display);
        var scored = score is { } s ? string.Create(CultureInfo.InvariantCulture, $", score {s:0.00}") : string.Empty;
        return $"AI ({label}) flagged {words}{scored}";
    }

    /// <summary>A finding's words inside a sentence: "Suspected haemorrhage" becomes "suspected haemorrhage"; "ICH" stays.</summary>
    public static string InSentence(string display) =>
        display.Length > 1 && char.IsUpper(display[0]) && !char.IsUpper(display[1]) ? char.ToLowerInvariant(display[0]) + display[1..]
            : display;

    /// <summary>
    /// What the exam's flag is after a change: the most confident live positive (ties to the earliest), or none. The
    /// exam keeps this sentence; the engine treats a flagged exam as an emergency.
    /// </summary>
    public static string? FlagFor(IEnumerable<AiResult> results) =>
        results.Where(r => r.RaisesUrgency).OrderByDescending(r => r.Score ?? 0).ThenBy(r => r.ReceivedAt).FirstOrDefault()?.Flag;
}
