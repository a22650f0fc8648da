using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Identifiers;

namespace ImagingWorklist.Domain.Research;

/// <summary>
/// The national data opt-out list as the NHS supplies it: one NHS number per line. Every line must be a valid number
/// (Modulus 11), or the whole file is refused naming the lines: a number misread would let an opted-out patient into an
/// extract. Blank lines, a byte-order mark, Windows line ends and repeats are accepted (repeats counted).
/// </summary>
public sealed record OptOutFile(IReadOnlyList<string> NhsNumbers, int Lines, int Repeats)
{
    public const int MaxProblemsNamed = 10;

    public static Outcome<OptOutFile> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome<OptOutFile>.Rejected("The opt-out file is empty: it should hold one NHS number per line.");
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var problemCount = 0;
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var counted = 0;
        var repeats = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            counted++;
            var parsed = line.Contains('\0', StringComparison.Ordinal) ? Outcome<NhsNumber>.Rejected("the line contains a NUL byte")
                : line.Length > 16 ? Outcome<NhsNumber>.Rejected($"the line is {line.Length} characters long, not an NHS number")
                : NhsNumber.Parse(line);
            if (!parsed.Succeeded)
            {
                if (++problemCount <= MaxProblemsNamed)
                {
                    problems.Add($"line {i + 1}: {Shown(parsed.Reason!)}");
                }

                continue;
            }

            if (!numbers.Add(parsed.Value!.Value))
            {
                repeats++;
            }
        }

        if (problemCount > 0)
        {
            var more = problemCount > MaxProblemsNamed ? $" and {problemCount - MaxProblemsNamed} more" : string.Empty;
            return Outcome<OptOutFile>.Rejected(
                $"Nothing was imported: {problemCount} of {counted} lines are not valid NHS numbers " +
                $"({string.Join("; ", problems)}{more}). " +
                "Correct the file and import it again; the list in use is unchanged.");
        }

        return Outcome<OptOutFile>.Accepted(new OptOutFile([.. numbers.Order(StringComparer.Ordinal)], counted, repeats));
    }

    private static string Shown(string reason) => reason.Replace("\0", "\\0", StringComparison.Ordinal).TrimEnd('.');
}
