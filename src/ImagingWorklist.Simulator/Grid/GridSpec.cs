using System.Globalization;

namespace ImagingWorklist.Simulator.Grid;

/// <summary>
/// A scenario grid: values for each dimension, every combination a cell, each cell run on <see cref="Seeds"/> networks
/// (scenario seeds) with every strategy on the same work. Read from a small text file, a <c>name: value, value</c> line per
/// dimension; a dimension left out keeps the standard scenario's value.
/// </summary>
internal sealed record GridSpec(
    IReadOnlyList<int> PerDay,
    IReadOnlyList<int> Backlog,
    IReadOnlyList<double> Absence,
    IReadOnlyList<double?> OutOfHours,
    IReadOnlyList<double> SpeedSpread,
    IReadOnlyList<double> ReadingSpread,
    int Seeds,
    int Days)
{
    /// <summary>The grid of issue 22: three network sizes, three starting backlogs, three levels of absence.</summary>
    public const string StandardText = """
        # Every combination of the values below is one cell; each cell runs on `seeds` networks.
        per-day: 1200, 2400, 3600
        backlog: 500, 3000, 6000
        absence: 0, 0.15, 0.3
        out-of-hours: standard
        speed-spread: 0
        reading-spread: 0.5
        seeds: 5
        days: 7
        """;

    private static readonly string[] Keys =
        ["per-day", "backlog", "absence", "out-of-hours", "speed-spread", "reading-spread", "seeds", "days"];

    public static GridSpec Standard => Parse(StandardText, "the standard grid");

    public IEnumerable<GridCell> Cells =>
        from absence in Absence
        from outOfHours in OutOfHours
        from speed in SpeedSpread
        from reading in ReadingSpread
        from perDay in PerDay
        from backlog in Backlog
        select new GridCell(perDay, backlog, absence, outOfHours, speed, reading);

    /// <summary>Reads a grid; a line it cannot use is refused with its number and what would be accepted.</summary>
    public static GridSpec Parse(string text, string source)
    {
        var values = new Dictionary<string, (int Line, string[] Items)>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? line[..colon].Trim().ToLowerInvariant() : "";
            if (!Keys.Contains(key))
            {
                throw new ArgumentException(
                    $"{source}, line {number}: expected 'name: value, value' with a name from {string.Join(", ", Keys)}; " +
                        $"'{Shorten(line)}' is not.");
            }

            if (values.ContainsKey(key))
            {
                throw new ArgumentException($"{source}, line {number}: '{key}' is given twice (first on line {values[key].Line}).");
            }

            var items = line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (items.Any(i => i.Length == 0))
            {
                throw new ArgumentException($"{source}, line {number}: '{key}' has an empty value; list values separated by commas.");
            }

            values[key] = (number, items);
        }

        T[] Read<T>(string key, T[] fallback, Func<string, T?> parse, string accepted)
            where T : struct
        {
            if (!values.TryGetValue(key, out var given))
            {
                return fallback;
            }

            return [.. given.Items.Select(item => parse(item) ?? throw new ArgumentException(
                $"{source}, line {given.Line}: '{key}' takes {accepted}; '{Shorten(item)}' is not one."))];
        }

        var standard = new Simulation.StandardScenarioOptions();
        var seeds = Read("seeds", [5], s => Whole(s, 1, 100), "one whole number from 1 to 100");
        var days = Read("days", [standard.Days], s => Whole(s, 1, 28), "one whole number of days from 1 to 28");
        if (seeds.Length > 1 || days.Length > 1)
        {
            throw new ArgumentException($"{source}: 'seeds' and 'days' take one value each.");
        }

        return new GridSpec(
            Read("per-day", [(int)standard.ExamsPerDay], s => Whole(s, 10, 200_000), "whole numbers of exams from 10 to 200000"),
            Read("backlog", [standard.BacklogExams], s => Whole(s, 0, 1_000_000), "whole numbers of exams from 0 to 1000000"),
            Read("absence", [0.0], s => Share(s, 0, 0.9), "shares from 0 to 0.9 (0.15 is 15 %)"),
            [.. Read("out-of-hours", [double.NaN], s => IsStandard(s) ? double.NaN : Share(s, 0, 0.95),
                "'standard' or shares from 0 to 0.95").Select(v => double.IsNaN(v) ? (double?)null : v)],
            Read("speed-spread", [0.0], s => Share(s, 0, 1.5), "spreads (σ of the log) from 0 to 1.5"),
            Read("reading-spread", [standard.ReadingTimeSpread], s => Share(s, 0, 1.5), "spreads (σ of the log) from 0 to 1.5"),
            seeds[0],
            days[0]);
    }

    private static bool IsStandard(string text) => text.Equals("standard", StringComparison.OrdinalIgnoreCase);

    private static int? Whole(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;

    private static double? Share(string text, double min, double max) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
