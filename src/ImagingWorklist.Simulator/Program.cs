using System.Diagnostics;
using System.Globalization;
using ImagingWorklist.Simulation;
using ImagingWorklist.Simulator;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var command = args.FirstOrDefault() ?? "help";
var options = Arguments.Parse(args.Skip(1));
try
{
    return command switch
    {
        "compare" => Compare(options),
        "drive" => await LoadDriver.RunAsync(options),

        _ => Help(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int Compare(Arguments options)
{
    var replications = options.Int("replications", 30);
    var days = options.Int("days", 7);
    var output = options.Text("out", "sim-report");
    var scenario = StandardScenario.Build(new StandardScenarioOptions
    {
        Days = days,
        ExamsPerDay = options.Int("per-day", 2400, 10, 200_000),
        BacklogExams = options.Int("backlog", 3000, 0, 1_000_000),
        Seed = options.Int("scenario-seed", new StandardScenarioOptions().Seed, 0, int.MaxValue),
    });
    Strategy[] strategies = [.. Enum.GetValues<Strategy>()];
    Console.WriteLine($"{scenario.Name}: {days} days, {scenario.Reporters.Count} reporters, {scenario.Backlog.Count} open at the start; {replications} replications × {strategies.Length} strategies and the lower bound.");
    var clock = Stopwatch.StartNew();
    var results = Replications.Run(scenario, strategies, replications, progress: new ConsoleProgress("Simulating"));
    var bounds = LowerBound.ForReplications(scenario, replications, new ConsoleProgress("Lower bound"));
    Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0} s.");
    var report = new ComparisonReport(scenario, results, bounds);
    Directory.CreateDirectory(output);
    File.WriteAllText(Path.Combine(output, "runs.csv"), report.Csv());
    File.WriteAllText(Path.Combine(output, "report.md"), report.Markdown());
    Console.WriteLine(report.Markdown());
    Console.WriteLine($"Written: {Path.Combine(output, "report.md")} and runs.csv");
    return 0;
}

static int Help()
{
    Console.WriteLine("""
        ImagingWorklist network simulator

          compare [--replications 30] [--days 7] [--per-day 2400] [--backlog 3000] [--scenario-seed N] [--out sim-report]
              Runs every strategy on the standard scenario (a six-trust network in the NHS proportions; busier or
              quieter with --per-day, a longer or shorter start with --backlog) on common random numbers, with the
              offline lower bound, and writes report.md and runs.csv.

          drive --mllp 127.0.0.1:2575 --url http://127.0.0.1:5000 --password DEMO-PASSWORD
                [--users radiologist,radiologist2] [--trusts RZ1,RZ2,RZ3,RZ4,RZ5,RZ6]
                [--speedup 60] [--duration 60] [--per-day 2400]
              Drives a running instance through its real interfaces (HL7 v2 orders over MLLP, reporters claiming
              and completing over UPS-RS) at the given speed-up, for at most --duration seconds (30 minutes at
              most). Loopback addresses only.
        """);
    return 1;
}

