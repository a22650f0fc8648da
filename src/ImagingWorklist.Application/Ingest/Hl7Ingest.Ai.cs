using System.Globalization;
using ImagingWorklist.Application.Ai;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FastLanes;
using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Persistence;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// AI results in: an ORU^R01 whose MSH-3 is a registered algorithm's application name. Each OBX is one finding: OBX-3 its
/// code (one the algorithm is registered for), OBX-8 whether it is there (A, AA, H or POS: yes; N or NEG: no; or a CE/CWE
/// OBX-5 of Y or N), and, when OBX-2 is NM, OBX-5 its score from 0 to 1.
/// </summary>
public sealed partial class Hl7Ingest
{
    private static readonly string[] PositiveFlags = ["A", "AA", "H", "HH", "POS", "DET"];
    private static readonly string[] NegativeFlags = ["N", "NEG", "ND"];

    private async Task<string> ApplyAiResultAsync(WorklistDbContext db, Work item, Domain.Network.Trust trust, AiAlgorithm algorithm,
        Changes changes, DateTimeOffset now)
    {
        var (stored, message, order) = (item.Stored, item.Pending.Message, item.Order!);
        if (order.Accession is null)
        {
            var error = order.Errors.FirstOrDefault(e => e.Segment is "OBR" && e.Field is 18)
                ?? new Hl7Error("OBR", 18, 101, "The accession number is missing.");
            return Answer(stored, message, Hl7Ack.Error, error.Message, [error], now);
        }

        stored.Key = order.Accession.Value;
        var (results, errors) = ReadAiResults(message, algorithm);
        if (errors.Count > 0)
        {
            return Answer(stored, message, Hl7Ack.Error,
                $"{algorithm.Label}'s result was not recorded: {string.Join(" ", errors.Select(e => e.Message))}", errors, now);
        }

        if (FindExam(db, trust.Id, order.Accession.Value) is not { } exam)
        {
            return Answer(stored, message, Hl7Ack.Error, $"No exam {order.Accession} at {trust.Name}.",
                [new Hl7Error("OBR", 18, 204, $"Unknown accession {order.Accession}.")], now);
        }

        var actor = new Actor($"{stored.Channel}:{algorithm.Application}", Source: stored.Source);
        var (summary, flagChanged) = await AiResults.ApplyAsync(db, exam, algorithm, results, stored.Channel == "FHIR" ? "FHIR" : "HL7 v2",
            actor, now);
        if (flagChanged | EnterFastLane(db, exam, algorithm, results, actor, now))
        {
            changes.Add(exam, added: false);
        }

        // The exam's report panel asks about the new findings at once.
        changes.Reporting.Add(exam.Id);
        stored.ExamId = exam.Id;
        return Answer(stored, message, Hl7Ack.Accept, summary, [], now, InboundStatus.Applied);
    }

    /// <summary>A live algorithm's positive finding of a fast lane's kind (suspected haemorrhage: stroke) puts the exam in it.</summary>
    private bool EnterFastLane(WorklistDbContext db, Exam exam, AiAlgorithm algorithm, IReadOnlyList<AiResultIn> results, Actor actor,
        DateTimeOffset now) =>
        algorithm.IsLiveFor(exam.TrustId) && exam.AiFlag is { } flag
            && results.Where(r => r.Positive).Select(r => _fastLanes.ForAiFinding(r.Code)).FirstOrDefault(l => l is not null) is { } lane
            && FastLaneEntry.TryEnter(db, exam, lane, flag, actor, now);

    private static (List<AiResultIn> Results, List<Hl7Error> Errors) ReadAiResults(Hl7Message message, AiAlgorithm algorithm)
    {
        var results = new List<AiResultIn>();
        var errors = new List<Hl7Error>();
        var count = message.Count("OBX");
        if (count == 0)
        {
            errors.Add(new Hl7Error("OBX", 3, 101, "It has no OBX segment; send one OBX per finding (OBX-3 its code)."));
        }

        for (var i = 1; i <= count; i++)
        {
            var code = message.Value("OBX", 3, occurrence: i).Trim();
            if (algorithm.Finding(code) is null)
            {
                errors.Add(new Hl7Error("OBX", 3, 103, code.Length == 0
                    ? $"OBX {i} has no finding code in OBX-3."
                    : $"OBX {i} sends the finding {StoredText.Echo(code, 40)}, which {algorithm.Label} is not registered for " +
                        $"(it may send {string.Join(", ", algorithm.Findings.Select(f => f.Code))}).", i));
                continue;
            }

            var type = message.Value("OBX", 2, occurrence: i).Trim().ToUpperInvariant();
            var value = message.Value("OBX", 5, occurrence: i).Trim();
            var flag = message.Value("OBX", 8, occurrence: i).Trim().ToUpperInvariant();
            bool? positive = PositiveFlags.Contains(flag) ? true : NegativeFlags.Contains(flag) ? false
                : type is "CE" or "CWE" or "ST" && value.ToUpperInvariant() is "Y" or "YES" or "POS" ? true
                : type is "CE" or "CWE" or "ST" && value.ToUpperInvariant() is "N" or "NO" or "NEG" ? false
                : null;
            if (positive is null)
            {
                errors.Add(new Hl7Error("OBX", 8, 103,
                    $"OBX {i} does not say whether {code} is there: OBX-8 must be A (present) or N (not present).", i));
                continue;
            }

            double? score = null;
            if (type == "NM")
            {
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number)
                    || number < 0 || number > 1)
                {
                    errors.Add(new Hl7Error("OBX", 5, 103,
                        $"OBX {i}'s score '{StoredText.Echo(value, 20)}' is not a number from 0 to 1 (send 0.93, not 93).", i));
                    continue;
                }

                score = number;
            }

            if (results.Any(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new Hl7Error("OBX", 3, 103, $"OBX {i} sends {code} again; send each finding once.", i));
                continue;
            }

            results.Add(new AiResultIn(code, positive.Value, score));
        }

        return (results, errors);
    }
}
