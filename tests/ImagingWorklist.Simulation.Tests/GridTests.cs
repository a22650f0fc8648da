using System.Globalization;
using System.Xml.Linq;
using ImagingWorklist.Simulator;
using ImagingWorklist.Simulator.Grid;

namespace ImagingWorklist.Simulation.Tests;

/// <summary>The scenario grid (issue 22): its file, its shapes of network, and a small grid run end to end.</summary>
public sealed class GridTests
{
    private const string Small = """
        # two sizes of network, two levels of absence
        per-day: 300, 600
        backlog: 100
        absence: 0, 0.3
        seeds: 2
        days: 1
        """;

    [Fact]
    public void Every_combination_of_the_values_is_a_cell_and_a_dimension_left_out_keeps_the_standard_value()
    {
        var spec = GridSpec.Parse(Small, "small.grid");

        Assert.Equal(4, spec.Cells.Count());
        Assert.All(spec.Cells, c => Assert.Equal(((double?)null, 0.0, 0.5), (c.OutOfHoursShare, c.SpeedSpread, c.ReadingSpread)));
        Assert.Equal((2, 1), (spec.Seeds, spec.Days));
        Assert.Equal(27, GridSpec.Standard.Cells.Count());
        Assert.Equal(5, GridSpec.Standard.Seeds);
    }

    [Theory]
    [InlineData("per-day 1200", "line 1: expected 'name: value, value'")]
    [InlineData("exams: 1200", "'exams: 1200' is not")]
    [InlineData("per-day: 1200, lots", "'per-day' takes whole numbers of exams from 10 to 200000; 'lots' is not one")]
    [InlineData("per-day: 5", "'5' is not one")]
    [InlineData("absence: 0.95", "'absence' takes shares from 0 to 0.9")]
    [InlineData("out-of-hours: evening", "'out-of-hours' takes 'standard' or shares")]
    [InlineData("backlog: 10,", "'backlog' has an empty value")]
    [InlineData("seeds: 3\nseeds: 4", "line 2: 'seeds' is given twice (first on line 1)")]
    [InlineData("days: 1, 2", "'seeds' and 'days' take one value each")]
    [InlineData("per-day: 1\u00002", "'1\u00002' is not one")]
    public void A_line_the_grid_cannot_use_is_refused_with_its_number_and_what_it_takes(string text, string named)
    {
        var problem = Assert.Throws<ArgumentException>(() => GridSpec.Parse(text, "my.grid"));

        Assert.StartsWith("my.grid", problem.Message, StringComparison.Ordinal);
        Assert.Contains(named, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_grid_runs_every_strategy_on_the_same_networks_above_the_bound_and_draws_its_heat_maps()
    {
        var spec = GridSpec.Parse(Small, "small.grid");
        var runs = GridRun.RunAll(spec);

        Assert.Equal(8, runs.Count);
        Assert.All(runs, run => Assert.All(run.Results.Values, result =>
        {
            Assert.True(result.Breaches >= run.Bound - 1e-6, $"{result.Strategy} beat the bound in {run.Cell}.");
            Assert.Equal(result.Exams, run.Results[Strategy.FifoPull].Exams);
        }));
        Assert.Equal(2, runs.Select(r => r.ScenarioSeed).Distinct().Count());

        var report = new GridReport(spec, GridOutcome.Of(runs));
        Assert.Equal(12, report.Outcomes.Count);
        Assert.Equal(13, report.Csv().Trim().Split('\n').Length);
        Assert.Contains("# Scenario grid: 4 cells × 2 networks, 1 days each", report.Markdown(), StringComparison.Ordinal);
        var folder = Path.Combine(Path.GetTempPath(), $"grid-{Guid.NewGuid():N}");
        try
        {
            var written = report.WriteTo(folder);
            Assert.Equal(new[] { "grid.csv", "grid.md", "gap-closed.svg", "urgent-breaches.svg" }, written.Select(Path.GetFileName));
            var map = XDocument.Load(Path.Combine(folder, "urgent-breaches.svg"));
            var cells = map.Descendants().Where(e => e.Name.LocalName == "rect" && e.Element(e.Name.Namespace + "title") is not null);
            Assert.Equal(2 * 4, cells.Count());

        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_panel_is_wide_enough_for_its_label_when_it_has_one_cell()
    {
        const string text = """
            per-day: 300
            backlog: 100
            out-of-hours: standard, 0.5
            speed-spread: 0, 0.4
            seeds: 1
            days: 1
            """;
        var spec = GridSpec.Parse(text, "narrow.grid");
        var svg = HeatMap.Svg("Gap closed", GridOutcome.Of(GridRun.RunAll(spec)), [Strategy.EnginePull, Strategy.EnginePush],
            o => o.GapClosed.Mean, o => o.MeetsGap, 0.75, "0.00");

        // Each panel's label ("Next case (pull) · out of hours 50 %, speed spread 0.4") must end before the next panel's.
        var labels = XDocument.Parse(svg).Descendants()
            .Where(e => e.Name.LocalName == "text" && e.Elements().Any(c => c.Name.LocalName == "tspan"))
            .Select(e => (X: double.Parse(e.Attribute("x")!.Value, CultureInfo.InvariantCulture), Y: e.Attribute("y")!.Value,
                Text: e.Value))
            .GroupBy(l => l.Y);
        Assert.All(labels, row =>
        {
            var (first, second) = (row.First(), row.Last());
            Assert.True(second.X - first.X >= first.Text.Length * 6.5,
                $"'{first.Text}' at {first.X} runs into the next label at {second.X}.");
        });
    }

    [Theory]
    [InlineData(74.94, false, 75, "0'%'", "74.9%")]
    [InlineData(75.2, true, 75, "0'%'", "75%")]
    [InlineData(68.4, false, 75, "0'%'", "68%")]
    [InlineData(0.504, false, 0.5, "0.00'×'", "0.504×")]
    public void A_miss_never_reads_as_its_target_on_the_heat_map(double value, bool met, double target, string format, string shown)
    {
        Assert.Equal(shown, HeatMap.Shown(value, met, target, format));
    }

    [Fact]
    public void Without_absence_or_speed_spread_the_network_is_the_standard_one_draw_for_draw()
    {
        var standard = StandardScenario.Build(new StandardScenarioOptions { Days = 2, BacklogExams = 50 });
        var varied = StandardScenario.Build(new StandardScenarioOptions { Days = 2, BacklogExams = 50, Absence = 0, SpeedSpread = 0 });

        Assert.Equal(standard.Reporters.Select(r => (r.Id, r.Shifts.Count, r.Absences.Count)),
            varied.Reporters.Select(r => (r.Id, r.Shifts.Count, r.Absences.Count)));
        Assert.Equal(standard.Backlog.Select(e => e.Id), varied.Backlog.Select(e => e.Id));
        Assert.Empty(varied.Speeds);
    }

    [Fact]
    public void Absence_takes_whole_days_of_sessions_at_about_the_share_asked_for_and_leaves_the_night_rota()
    {
        var options = new StandardScenarioOptions { Days = 14, BacklogExams = 0, Absence = 0.3 };
        var scenario = StandardScenario.Build(options);
        var standard = StandardScenario.Build(options with { Absence = 0 });

        var sessionDays = standard.Reporters.Sum(r => r.Shifts.Where(s => s.Kind == Domain.Rota.ShiftKind.InHoursSession)
            .Select(s => s.Start.Date).Distinct().Count());
        var away = scenario.Reporters.Sum(r => r.Absences.Count);
        Assert.InRange((double)away / sessionDays, 0.25, 0.35);
        Assert.Equal(standard.Reporters.Select(r => r.Shifts.Count), scenario.Reporters.Select(r => r.Shifts.Count));
        Assert.All(scenario.Reporters.SelectMany(r => r.Shifts.Where(s => s.Kind != Domain.Rota.ShiftKind.InHoursSession),
            (r, s) => (r, s)), x => Assert.DoesNotContain(x.r.Absences, a => a.Start < x.s.End && x.s.Start < a.End));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.6)]
    public void The_out_of_hours_share_is_the_one_asked_for_and_the_week_keeps_its_total(double share)
    {
        var standard = StandardScenario.Build(new StandardScenarioOptions { Days = 1, BacklogExams = 0 });
        var shifted = StandardScenario.Build(new StandardScenarioOptions { Days = 1, BacklogExams = 0, OutOfHoursShare = share });

        Assert.Equal(share, StandardScenario.OutOfHoursShareOf(shifted.Arrivals), 6);
        Assert.Equal(standard.Arrivals.Sum(a => a.PerHourOfWeek.Sum()), shifted.Arrivals.Sum(a => a.PerHourOfWeek.Sum()), 6);
        Assert.InRange(StandardScenario.OutOfHoursShareOf(standard.Arrivals), 0.25, 0.45);
    }

    [Fact]
    public void Reporters_speeds_spread_around_one_and_a_faster_network_breaches_less()
    {
        var options = new StandardScenarioOptions { Days = 1, BacklogExams = 400, ExamsPerDay = 1200, SpeedSpread = 0.4 };
        var spread = StandardScenario.Build(options);

        Assert.Equal(spread.Reporters.Count, spread.Speeds.Count);
        Assert.InRange(spread.Speeds.Values.Average(), 0.85, 1.15);
        Assert.True(spread.Speeds.Values.Max() / spread.Speeds.Values.Min() > 1.5);

        var fast = spread with { Speeds = spread.Reporters.ToDictionary(r => r.Id, _ => 2.0) };
        var work = Workload.Generate(spread, 1);
        var atPace = NetworkSimulation.Run(spread with { Speeds = new Dictionary<Guid, double>() }, work, Strategy.FifoPull);
        var twiceAsFast = NetworkSimulation.Run(fast, work, Strategy.FifoPull);
        Assert.True(twiceAsFast.Reported > atPace.Reported, $"{twiceAsFast.Reported} reported at twice the pace, {atPace.Reported} at it.");
    }

    [Fact]
    public async Task The_grid_command_names_a_file_it_cannot_read()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.grid");

        var code = await Commands.RunAsync(["grid", "--file", missing], output, error);

        Assert.Equal(Commands.UsageError, code);
        Assert.Contains($"--file {missing}: cannot be read", error.ToString(), StringComparison.Ordinal);
    }
}
