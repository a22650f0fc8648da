using System.Globalization;

namespace ImagingWorklist.Domain.Ai;

/// <summary>A finding an algorithm may report: the code it sends (OBX-3, Observation.code) and the words people read.</summary>
public sealed record AiFindingCode(string Code, string Display)
{
    public const int CodeMaxLength = 40;
    public const int DisplayMaxLength = 200;

    /// <summary>
    /// Reads the finding list as an administrator writes it, one finding a line, <c>CODE = words</c>. Every bad line is named;
    /// a code given twice is refused, so a result can never match two findings.
    /// </summary>
    public static Common.Outcome<IReadOnlyList<AiFindingCode>> ParseLines(string? text)
    {
        var findings = new List<AiFindingCode>();
        var problems = new List<string>();
        var lines = (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var at = line.IndexOf('=', StringComparison.Ordinal);
            var code = at > 0 ? line[..at].Trim() : string.Empty;
            var display = at > 0 ? line[(at + 1)..].Trim() : string.Empty;
            var where = string.Create(CultureInfo.InvariantCulture, $"Line {i + 1}");
            if (code.Length == 0 || display.Length == 0)
            {
                problems.Add($"{where} must read CODE = words (for example ICH = Suspected intracranial haemorrhage).");
            }
            else if (code.Length > CodeMaxLength
                || code.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '^' or '|' or '&' or '~'))
            {
                problems.Add($"{where}: the code must be at most {CodeMaxLength} characters without spaces, control characters or ^|&~.");
            }
            else if (display.Length > DisplayMaxLength || display.Any(char.IsControl))
            {
                problems.Add($"{where}: the words must be at most {DisplayMaxLength} characters without control characters.");
            }
            else if (findings.Any(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{where}: the code {code} is already listed.");
            }
            else
            {
                findings.Add(new AiFindingCode(code, display));
            }
        }

        if (problems.Count == 0 && findings.Count == 0)
        {
            problems.Add("List at least one finding the algorithm may send, one a line: CODE = words.");
        }

        return problems.Count > 0
            ? Common.Outcome<IReadOnlyList<AiFindingCode>>.Rejected(string.Join(" ", problems))
            : Common.Outcome<IReadOnlyList<AiFindingCode>>.Accepted(findings);
    }

    /// <summary>The list written back as <see cref="ParseLines"/> reads it.</summary>
    public static string WriteLines(IEnumerable<AiFindingCode> findings) =>
        string.Join("\n", findings.Select(f => $"{f.Code} = {f.Display}"));
}
