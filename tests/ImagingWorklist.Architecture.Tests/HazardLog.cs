using System.Text.RegularExpressions;

namespace ImagingWorklist.Architecture.Tests;

/// <summary>One hazard as the log states it: its classes, status, and the tests that demonstrate its controls.</summary>
public sealed record Hazard(string Id, string Title, string Initial, string Residual, int InitialClass, int ResidualClass, string Status,
    IReadOnlyList<string> Tests);

/// <summary>
/// Reads <c>docs/safety/hazard-log.md</c> and checks it against the solution: every named test must exist (namespace,
/// class and method in the test sources), every controlled hazard must name one, every class must follow the DCB0129
/// matrix, and the summary table must agree with the sections.
/// </summary>
public static partial class HazardLog
{
    private static readonly string[] Severities = ["Minor", "Significant", "Considerable", "Major", "Catastrophic"];

    private static readonly Dictionary<string, int[]> Matrix = new(StringComparer.Ordinal)
    {
        ["Very high"] = [3, 4, 4, 5, 5],
        ["High"] = [2, 3, 3, 4, 5],
        ["Medium"] = [2, 2, 3, 3, 4],
        ["Low"] = [1, 2, 2, 3, 4],
        ["Very low"] = [1, 1, 2, 2, 3],
    };

    public static IReadOnlyList<Hazard> Read(string markdown)
    {
        var hazards = new List<Hazard>();
        foreach (Match section in SectionPattern().Matches(markdown))
        {
            var body = section.Groups["body"].Value;
            var initial = RiskPattern("Initial").Match(body);
            var residual = RiskPattern("Residual").Match(body);
            var status = StatusPattern().Match(body);
            hazards.Add(new Hazard(
                section.Groups["id"].Value,
                section.Groups["title"].Value.Trim(),
                initial.Success ? $"{initial.Groups["severity"].Value} × {initial.Groups["likelihood"].Value}" : string.Empty,
                residual.Success ? $"{residual.Groups["severity"].Value} × {residual.Groups["likelihood"].Value}" : string.Empty,
                initial.Success ? int.Parse(initial.Groups["class"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                residual.Success ? int.Parse(residual.Groups["class"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                status.Success ? status.Groups["status"].Value : string.Empty,
                [.. TestPattern().Matches(body).Select(m => m.Groups["name"].Value)]));
        }

        return hazards;
    }

    /// <summary>Everything wrong with the log, in words a reviewer can act on; empty when it holds.</summary>
    public static IReadOnlyList<string> Problems(string markdown, ISet<string> testsInSolution)
    {
        var problems = new List<string>();
        var hazards = Read(markdown);
        var summary = SummaryPattern().Matches(markdown).ToDictionary(m => m.Groups["id"].Value, m => m);
        foreach (var hazard in hazards)
        {
            if (hazard.Initial.Length == 0 || hazard.Residual.Length == 0 || hazard.Status.Length == 0)
            {
                problems.Add($"{hazard.Id}: give its initial and residual risk as 'Severity × Likelihood → class' and its status.");
                continue;
            }

            problems.AddRange(WrongClass(hazard.Id, "initial", hazard.Initial, hazard.InitialClass));
            problems.AddRange(WrongClass(hazard.Id, "residual", hazard.Residual, hazard.ResidualClass));
            if (hazard.Status != "Open" && hazard.Tests.Count == 0)
            {
                problems.Add(
                    $"{hazard.Id}: a {hazard.Status.ToLowerInvariant()} hazard must name the tests that demonstrate its controls.");
            }

            problems.AddRange(hazard.Tests.Where(t => !testsInSolution.Contains(t))
                .Select(t => $"{hazard.Id}: no test named {t} in the solution."));
            if (!summary.TryGetValue(hazard.Id, out var row))
            {
                problems.Add($"{hazard.Id}: missing from the summary table.");
            }
            else if (row.Groups["initial"].Value != hazard.InitialClass.ToString(System.Globalization.CultureInfo.InvariantCulture)
                || row.Groups["residual"].Value != hazard.ResidualClass.ToString(System.Globalization.CultureInfo.InvariantCulture)
                || row.Groups["status"].Value.Trim() != hazard.Status)
            {
                problems.Add(
                    $"{hazard.Id}: the summary table says {row.Groups["initial"].Value} → {row.Groups["residual"].Value} (" +
                        $"{row.Groups["status"].Value.Trim()}), the section {hazard.InitialClass} → {hazard.ResidualClass} (" +
                            $"{hazard.Status}).");
            }
        }

        problems.AddRange(summary.Keys.Except(hazards.Select(h => h.Id)).Select(id => $"{id}: in the summary table but has no section."));
        return problems;
    }

    /// <summary>The fully qualified names of the test methods in the test sources (namespace.class.method).</summary>
    public static ISet<string> TestsIn(string testsFolder)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var ns = NamespacePattern().Match(text);
            if (!ns.Success)
            {
                continue;
            }

            string? type = null;
            foreach (var line in text.Split('\n'))
            {
                if (ClassPattern().Match(line) is { Success: true } declared)
                {
                    type = declared.Groups["name"].Value;
                }
                else if (type is not null && MethodPattern().Match(line) is { Success: true } method)
                {
                    names.Add($"{ns.Groups["name"].Value}.{type}.{method.Groups["name"].Value}");
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> WrongClass(string id, string which, string risk, int stated)
    {
        var parts = risk.Split(" × ");
        var severity = Array.IndexOf(Severities, parts[0]);
        if (severity < 0 || !Matrix.TryGetValue(parts[1], out var row))
        {
            yield return $"{id}: '{risk}' is not a severity ({string.Join(", ", Severities)}) × likelihood (" +
                $"{string.Join(", ", Matrix.Keys)}).";
        }
        else if (row[severity] != stated)
        {
            yield return $"{id}: {which} risk {risk} is class {row[severity]} on the DCB0129 matrix, not {stated}.";
        }
    }

    private static Regex RiskPattern(string which)
        => new($@"\*\*{which}\*\*: (?<severity>\w+) × (?<likelihood>Very high|Very low|High|Medium|Low) → (?<class>\d)");

    [GeneratedRegex(@"^## (?<id>H\d{2}) (?<title>[^\n]+)\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"\*\*Status\*\*: (?<status>\w+)")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"^\s*- `(?<name>ImagingWorklist\.[\w.]+)`", RegexOptions.Multiline)]
    private static partial Regex TestPattern();

    [GeneratedRegex(@"^\| (?<id>H\d{2}) \| [^|]+ \| (?<initial>\d) \| (?<residual>\d) \| (?<status>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^\s*public (?:sealed |static |abstract )*(?:partial )?class (?<name>\w+)")]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^\s*public (?:async Task|void) (?<name>\w+)\(")]
    private static partial Regex MethodPattern();
}
