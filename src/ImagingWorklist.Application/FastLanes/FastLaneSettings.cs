using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.FastLanes;

/// <summary>
/// The <c>FastLanes</c> settings (decision 0024): for stroke and major trauma, the order and AI codes that put an exam
/// into the lane and the lane's targets; and how often an unclaimed fast-lane exam is announced again.
/// </summary>
public sealed class FastLaneSettings
{
    public const string Section = "FastLanes";

    /// <summary>The longest code a setting may name (an OBR-31 or OBR-4 identifier).</summary>
    public const int CodeMaxLength = 40;

    public FastLaneRuleSettings Stroke { get; set; } = new()
    {
        OrderCodes = "STROKE, CODESTROKE, THROMBOLYSIS, THROMBECTOMY",
        AiFindings = "LVO",
    };

    public FastLaneRuleSettings MajorTrauma { get; set; } = new() { OrderCodes = "MAJORTRAUMA, TRAUMACALL" };

    /// <summary>An unclaimed fast-lane exam sounds and notifies again this often on every eligible reporter's screen.</summary>
    public TimeSpan AlertRepeat { get; set; } = TimeSpan.FromMinutes(1);

    public FastLaneRuleSettings For(FastLane lane) => lane == FastLane.Stroke ? Stroke : MajorTrauma;

    public FastLaneTargets Targets(FastLane lane) => new(For(lane).PreliminaryWithin, For(lane).FinalWithin);

    /// <summary>The lane an order's codes put it into, with the code that did, or null.</summary>
    public (FastLane Lane, string Code)? ForOrder(IEnumerable<string> codes)
    {
        var given = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).ToList();
        foreach (var lane in Enum.GetValues<FastLane>())
        {
            if (For(lane).OrderCodeList().FirstOrDefault(given.Contains) is { } code)
            {
                return (lane, code);
            }
        }

        return null;
    }

    /// <summary>The lane a live AI finding puts the exam into, or null.</summary>
    public FastLane? ForAiFinding(string code) =>
        Enum.GetValues<FastLane>().Cast<FastLane?>()
            .FirstOrDefault(lane => For(lane!.Value).AiFindingList().Contains(code.Trim().ToUpperInvariant()));

    public IEnumerable<string> Problems()
    {
        foreach (var problem in Settings.Positive(AlertRepeat, $"{Section}:AlertRepeat"))
        {
            yield return problem;
        }

        var seen = new Dictionary<string, string>();
        foreach (var lane in Enum.GetValues<FastLane>())
        {
            var name = $"{Section}:{lane}";
            var rule = For(lane);
            foreach (var problem in Settings.Positive(rule.PreliminaryWithin, $"{name}:PreliminaryWithin")
                .Concat(Settings.Positive(rule.FinalWithin, $"{name}:FinalWithin")))
            {
                yield return problem;
            }

            if (rule.FinalWithin < rule.PreliminaryWithin)
            {
                yield return $"{name}:FinalWithin ({rule.FinalWithin}) must not be shorter than {name}:PreliminaryWithin " +
                    $"({rule.PreliminaryWithin}): the final report cannot be due before the first.";
            }

            foreach (var (setting, code) in rule.OrderCodeList().Select(c => ("OrderCodes", c))
                .Concat(rule.AiFindingList().Select(c => ("AiFindings", c))))
            {
                if (code.Length > CodeMaxLength || code.Any(char.IsControl))
                {
                    yield return $"{name}:{setting}: '{Printable(code)}' is not a code (at most {CodeMaxLength} characters, no " +
                        "control characters).";
                }
                else if (seen.TryGetValue($"{setting}/{code}", out var other) && other != name)
                {
                    yield return $"{name}:{setting}: '{code}' is also a code of {other}; a code may put an exam into one lane only.";
                }

                seen[$"{setting}/{code}"] = name;
            }
        }
    }

    private static string Printable(string code) =>
        new([.. code.Take(CodeMaxLength).Select(c => char.IsControl(c) ? '?' : c)]);
}
