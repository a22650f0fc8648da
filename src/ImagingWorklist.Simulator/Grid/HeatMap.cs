using System.Globalization;
using System.Security;
using System.Text;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator.Grid;

/// <summary>
/// One figure over the grid as an SVG heat map: a column of panels per strategy, a row per combination of the fixed
/// dimensions; inside a panel, exams a day down and starting backlog across. Green meets the target, red misses it, the
/// deeper the further; each cell also says its value and marks a miss with ✗, so the colour is never the only sign.
/// </summary>
internal static class HeatMap
{
    private const int CellWidth = 86;
    private const int CellHeight = 34;
    private const int Left = 96;
    private const int Header = 58;
    private const int PanelGap = 40;

    /// <summary>A generous average width of a 12-pixel sans-serif character, for sizing panels to their labels.</summary>
    private const double CharWidth = 7.2;

    /// <summary>
    /// The value as the format rounds it, with one more decimal when a miss would otherwise read as its target (74.9 %
    /// must not show as "75 % ✗").
    /// </summary>
    internal static string Shown(double value, bool met, double target, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        if (met || text != target.ToString(format, CultureInfo.InvariantCulture))
        {
            return text;
        }

        var number = format.Split('\'')[0];
        var finer = (number.Contains('.', StringComparison.Ordinal) ? number + "0" : number + ".0") + format[number.Length..];
        return value.ToString(finer, CultureInfo.InvariantCulture);
    }

    public static string Svg(string title, IReadOnlyList<GridOutcome> outcomes, IReadOnlyList<Strategy> strategies,
        Func<GridOutcome, double> value, Func<GridOutcome, bool> met, double target, string format)
    {
        var panels = outcomes.Select(o => o.Cell.Panel).Distinct().ToList();
        var backlogs = outcomes.Select(o => o.Cell.Backlog).Distinct().Order().ToList();
        var perDays = outcomes.Select(o => o.Cell.PerDay).Distinct().OrderDescending().ToList();

        // A dimension with one value over the whole grid is said once under the title; the others label each panel.
        var parts = outcomes.Select(o => o.Cell.PanelParts).ToList();
        var varying = Enumerable.Range(0, parts[0].Count).Where(i => parts.Select(p => p[i]).Distinct().Count() > 1).ToList();
        var fixedParts = Enumerable.Range(0, parts[0].Count).Except(varying).Select(i => parts[0][i]).ToList();
        string LabelOf(GridCell cell) => string.Join(", ", varying.Select(i => cell.PanelParts[i]));

        // A panel is as wide as its cells or its longest label, whichever is wider, so labels never run into the next.
        var longestLabel = panels.Max(p => LabelOf(outcomes.First(o => o.Cell.Panel == p).Cell).Length)
            + strategies.Max(s => Name(s).Length) + 3;
        var panelWidth = Math.Max(Left + (backlogs.Count * CellWidth), (int)Math.Ceiling(longestLabel * CharWidth));
        var panelHeight = Header + (perDays.Count * CellHeight) + 16;
        var width = Math.Max((strategies.Count * (panelWidth + PanelGap)) + 20, (int)Math.Ceiling((title.Length * CharWidth * 1.4) + 20));
        var height = 70 + (panels.Count * panelHeight);
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" """ +
                $"""aria-label="{Escape(title)}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<title>{Escape(title)}</title>""");
        svg.AppendLine("""<rect width="100%" height="100%" fill="#ffffff"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="10" y="24" font-size="16" font-weight="bold">{Escape(title)}</text>""");
        svg.AppendLine(CultureInfo.InvariantCulture,
            $"""<text x="10" y="44" fill="#444">Every panel: {Escape(string.Join(", ", fixedParts))}.</text>""");
        for (var p = 0; p < panels.Count; p++)
        {
            var top = 60 + (p * panelHeight);
            var label = LabelOf(outcomes.First(o => o.Cell.Panel == panels[p]).Cell);
            for (var s = 0; s < strategies.Count; s++)
            {
                var left = 10 + (s * (panelWidth + PanelGap));
                svg.AppendLine(CultureInfo.InvariantCulture,
                    $"""<text x="{left}" y="{top + 14}"><tspan font-weight="bold">{Escape(Name(strategies[s]))}</tspan>""" +
                        $"""{(label.Length == 0 ? "" : " · " + Escape(label))}</text>""");
                svg.AppendLine(CultureInfo.InvariantCulture,
                    $"""<text x="{left + Left + (backlogs.Count * CellWidth / 2)}" y="{top + 34}" text-anchor="middle" fill="#444">""" +
                        $"backlog at the start</text>");
                svg.AppendLine(CultureInfo.InvariantCulture,
                    $"""<text x="{left + Left - 8}" y="{top + 50}" text-anchor="end" fill="#444">exams a day</text>""");
                for (var c = 0; c < backlogs.Count; c++)
                {
                    svg.AppendLine(CultureInfo.InvariantCulture,
                        $"""<text x="{left + Left + (c * CellWidth) + (CellWidth / 2)}" y="{top + 50}" text-anchor="middle">""" +
                            $"{backlogs[c]:#,0}</text>");
                }

                for (var r = 0; r < perDays.Count; r++)
                {
                    var y = top + Header + (r * CellHeight);
                    svg.AppendLine(CultureInfo.InvariantCulture,
                        $"""<text x="{left + Left - 8}" y="{y + (CellHeight / 2) + 4}" text-anchor="end">{perDays[r]:#,0}</text>""");
                    for (var c = 0; c < backlogs.Count; c++)
                    {
                        var x = left + Left + (c * CellWidth);
                        var outcome = outcomes.FirstOrDefault(o => o.Strategy == strategies[s] && o.Cell.Panel == panels[p]
                            && o.Cell.PerDay == perDays[r] && o.Cell.Backlog == backlogs[c]);
                        if (outcome is null)
                        {
                            continue;
                        }

                        var v = value(outcome);
                        var ok = met(outcome);
                        var text = double.IsNaN(v) ? "n/a" : Shown(v, ok, target, format) + (ok ? "" : " ✗");
                        svg.AppendLine(CultureInfo.InvariantCulture,
                            $"""<rect x="{x}" y="{y}" width="{CellWidth - 2}" height="{CellHeight - 2}" """ +
                                $"""fill="{Colour(v, ok, target)}"><title>{Escape(Describe(outcome, text))}</title></rect>""");
                        svg.AppendLine(CultureInfo.InvariantCulture,
                            $"""<text x="{x + (CellWidth / 2) - 1}" y="{y + (CellHeight / 2) + 4}" text-anchor="middle">""" +
                                $"""{Escape(text)}</text>""");
                    }
                }
            }
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    public static string Name(Strategy strategy) => strategy switch
    {
        Strategy.EnginePull => "Next case (pull)",
        Strategy.EnginePush => "Push",
        Strategy.FifoPull => "FIFO",
        _ => strategy.ToString(),
    };

    /// <summary>White at the target, deepening to green (met) or red (missed) as the value moves a whole target away.</summary>
    private static string Colour(double value, bool met, double target)
    {
        if (double.IsNaN(value))
        {
            return "#eeeeee";
        }

        var distance = Math.Min(1, Math.Abs(value - target) / target);
        var depth = 0.25 + (0.6 * distance);
        var (r, g, b) = met ? (0x1b, 0x7f, 0x3b) : (0xc6, 0x28, 0x28);
        int Mix(int channel) => (int)Math.Round(255 - ((255 - channel) * depth));
        return $"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}";
    }

    private static string Describe(GridOutcome o, string text) =>
        $"{Name(o.Strategy)}, {o.Cell.PerDay:#,0} exams a day, backlog {o.Cell.Backlog:#,0}, {o.Cell.PanelLabel}: {text}";

    private static string Escape(string text) => SecurityElement.Escape(text);
}
