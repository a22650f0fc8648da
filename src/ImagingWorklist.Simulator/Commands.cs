using System.CommandLine;
using System.Net;

namespace ImagingWorklist.Simulator;

/// <summary>
/// The simulator's command line: <c>compare</c> and <c>drive</c>, each with its options, ranges and help. Help exits 0;
/// an unknown command or option, a missing one or a bad value exits 2 naming it, before anything runs.
/// </summary>
internal static class Commands
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("Run with --help to see the commands and their options.");
            return UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ArgumentException problem)
        {
            await error.WriteLineAsync(problem.Message);
            return UsageError;
        }
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("ImagingWorklist network simulator: compare scheduling strategies, or drive a running instance.");
        root.Subcommands.Add(Compare());
        root.Subcommands.Add(GridOfShapes());
        root.Subcommands.Add(Optimal());
        root.Subcommands.Add(Drive());
        return root;
    }

    private static Command Compare()
    {
        var replications = Whole("--replications", 30, 1, 1_000, "Replications (scenario draws) per strategy.");
        var days = Whole("--days", 7, 1, 60, "Simulated days.");
        var perDay = Whole("--per-day", 2_400, 10, 200_000, "New exams a day (busier or quieter network).");
        var backlog = Whole("--backlog", 3_000, 0, 1_000_000, "Exams already waiting at the start.");
        var seed =
            Whole("--scenario-seed", new Simulation.StandardScenarioOptions().Seed, 0, int.MaxValue,
            "Draws another network of the same shape.");
        var output =
            new Option<string>("--out") { Description = "Folder for report.md and runs.csv.", DefaultValueFactory = _ => "sim-report" };
        var command =
            new Command("compare",
            "Runs every strategy on the standard scenario (six trusts in the NHS proportions) on common random numbers, with the offline " +
                "lower bound; writes report.md and runs.csv.")
        {
            replications, days, perDay, backlog, seed, output,
        };
        command.SetAction(parsed => Comparison.Run(
            parsed.GetValue(replications), parsed.GetValue(days), parsed.GetValue(perDay), parsed.GetValue(backlog), parsed.GetValue(seed),
                parsed.GetValue(output)!, parsed.InvocationConfiguration.Output));
        return command;
    }

    private static Command GridOfShapes()
    {
        var file =
            new Option<string?>("--file")
            {
                Description = "A grid file ('per-day: 1200, 2400' lines; see bench/README.md). Default: the standard grid.",
            };
        var output =
            new Option<string>("--out")
            {
                Description = "Folder for grid.md, grid.csv and the heat maps.", DefaultValueFactory = _ => "sim-grid",
            };
        var command =
            new Command("grid",
            "Runs FIFO, Next case (pull) and push over a grid of network shapes (exams a day, backlog, absence, out-of-hours share, " +
                "speed and reading-time spread), several networks per cell on common random numbers, against the lower bound.")
        {
            file, output,
        };
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Grid.GridCommand.Run(
            parsed.GetValue(file), parsed.GetValue(output)!, parsed.InvocationConfiguration.Output, cancellationToken)));
        return command;
    }

    private static Command Optimal()
    {
        var sizes =
            new Option<string>("--sizes")
            {
                Description = "Exams a day of the one-day networks, comma-separated (each from 4 to 400).",
                DefaultValueFactory = _ => "50,100,200,300",
            };
        var instances = Whole("--instances", 5, 1, 50, "Networks per size.");
        var seconds = Whole("--seconds", 20, 1, 600, "CP-SAT's time limit per network.");
        var command =
            new Command("optimal",
            "Compares FIFO, Next case and push with the best schedule CP-SAT finds on small one-day networks of growing size.")
        {
            sizes, instances, seconds,
        };
        command.SetAction(parsed => OptimalComparison.Command(Sizes(parsed.GetValue(sizes)!), parsed.GetValue(instances),
            parsed.GetValue(seconds), parsed.InvocationConfiguration.Output));
        return command;
    }

    private static int[] Sizes(string text)
    {
        var items = List(text);
        return items.Length > 0 && items.All(i => int.TryParse(i, out var n) && n is >= 4 and <= 400)
            ? [.. items.Select(int.Parse)]
            : throw new ArgumentException($"--sizes must be whole numbers from 4 to 400 separated by commas; '{text}' is not.");
    }

    private static Command Drive()
    {
        var mllp =
            new Option<string>("--mllp") { Description = "The instance's MLLP listener, e.g. 127.0.0.1:2575 (loopback only).",
            Required = true };
        var url =
            new Option<string>("--url") { Description = "The instance's address, e.g. http://127.0.0.1:5000 (loopback only).",
            Required = true };
        var password = new Option<string>("--password") { Description = "The demo accounts' password.", Required = true };
        var users =
            new Option<string>("--users") { Description = "Reporters who claim and complete, comma-separated.",
            DefaultValueFactory = _ => "radiologist,radiologist2" };
        var trusts =
            new Option<string>("--trusts") { Description = "Trusts (ODS codes) that send orders.",
            DefaultValueFactory = _ => "RZ1,RZ2,RZ3,RZ4,RZ5,RZ6" };
        var speedup = Whole("--speedup", 60, 1, 10_000, "Simulated seconds per real second.");
        var duration = Whole("--duration", 60, 1, (int)LoadDriver.LongestRun.TotalSeconds, "Real seconds to run for (30 minutes at most).");
        var perDay = Whole("--per-day", 2_400, 1, 200_000, "New exams a simulated day.");
        var command =
            new Command("drive",
            "Drives a running instance through its real interfaces (HL7 v2 orders over MLLP, reporters over UPS-RS) at a speed-up, for a " +
                "bounded time. Loopback addresses only.")
        {
            mllp, url, password, users, trusts, speedup, duration, perDay,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options =
                new LoadDriverOptions(Endpoint(parsed.GetValue(mllp)!), Absolute(parsed.GetValue(url)!), List(parsed.GetValue(users)!),
                parsed.GetValue(password)!, List(parsed.GetValue(trusts)!))
            {
                Speedup = parsed.GetValue(speedup),
                Duration = TimeSpan.FromSeconds(parsed.GetValue(duration)),
                ExamsPerDay = parsed.GetValue(perDay),
            };
            var report = await LoadDriver.DriveAsync(options, parsed.InvocationConfiguration.Output, cancellationToken);
            await parsed.InvocationConfiguration.Output.WriteLineAsync(report.ToString());
            return report.Errors == 0 ? 0 : 1;
        });
        return command;
    }

    private static Option<int> Whole(string name, int fallback, int min, int max, string description)
    {
        var option = new Option<int>(name) { Description = $"{description} Default {fallback}.", DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            // A value that is not a number at all is reported by the parser itself, naming the option.
            if (result.Tokens is [.., var last] && int.TryParse(last.Value, out var value) && (value < min || value > max))
            {
                result.AddError($"{name} must be a whole number from {min} to {max}; {value} is not.");
            }
        });
        return option;
    }

    private static IPEndPoint Endpoint(string text)
    {
        var separator = text.LastIndexOf(':');
        return separator > 0 && IPAddress.TryParse(text[..separator].Trim('[', ']'), out var host)
            && int.TryParse(text[(separator + 1)..], out var port) && port is > 0 and < 65536
            ? new IPEndPoint(host, port)
            : throw new ArgumentException($"--mllp must be an address and port such as 127.0.0.1:2575; '{text}' is not.");
    }

    private static Uri Absolute(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) ? url
            : throw new ArgumentException($"--url must be an absolute URL such as http://127.0.0.1:5000; '{text}' is not.");

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
