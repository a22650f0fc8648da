using ImagingWorklist.Persistence;

namespace ImagingWorklist.LoadBench;

/// <summary>
/// Load and latency harnesses for the claiming and live-update targets; loopback only, bounded in time.
///   claims-postgres "Host=127.0.0.1;Port=5432;Username=postgres" [rounds]  claims through the app vs raw SQL at 1/8/32 claimers
///   claims-sqlite                                                   8 concurrent writers through the app on SQLite
///   circuits [tabs] [cycles] [changes]                              Blazor circuit memory, open/close cycles, commit to screen in many
/// tabs
///   fanout [clients]                                                commit-to-client latency, 1 client vs many
///   ingest-postgres "Host=…" [orders]                                HL7 over MLLP into PostgreSQL vs an idempotent store-only baseline
///   dashboard-postgres "Host=…" [historic exams]                     the dashboard's queries over 10^6 historic and 5×10^4 open exams
///   extract-postgres "Host=…" [sizes]                               a research extract of 10^4 and 10^5 reports vs reading them
///   cold-start "Host=…" [historic] [open]                             process start to ready and first worklist at 10^6 reported + 10^5
/// open
/// (Not named Program: the web app's Program is referenced here too.)
/// </summary>
internal static class LoadBench
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault();
        switch (command)
        {
            case "claims-postgres" when args.Length > 1:
                await new ClaimBench(DatabaseProvider.Postgres, args[1], TimeSpan.FromSeconds(5), exams: 60_000)
                    .RunAsync([1, 8, 32], rounds: args.Length > 2 ? int.Parse(args[2]) : 2);
                break;
            case "claims-sqlite":
                await new ClaimBench(DatabaseProvider.Sqlite, null, TimeSpan.FromSeconds(5), exams: 20_000).RunAsync([1, 8], rounds: 2);
                break;
            case "ingest-postgres" when args.Length > 1:
                await new IngestBench(args[1], orders: args.Length > 2 ? int.Parse(args[2]) : 20_000, connections: args.Length > 3
                    ? int.Parse(args[3]) : 12).RunAsync();
                break;
            case "dashboard-postgres" when args.Length > 1:
                await new DashboardBench(args[1], historic: args.Length > 2 ? int.Parse(args[2]) : 1_000_000, open: 50_000, iterations: 20,
                    keep: args.Length > 3 ? args[3] : null).RunAsync();
                break;
            case "cold-start" when args.Length > 1:
                await new ColdStartBench(args[1], historic: args.Length > 2 ? int.Parse(args[2]) : 1_000_000, open: args.Length > 3
                    ? int.Parse(args[3]) : 100_000).RunAsync();
                break;
            case "circuits":
                await new CircuitBench(tabs: args.Length > 1 ? int.Parse(args[1]) : 20, cycles: args.Length > 2 ? int.Parse(args[2])
                    : 1_000, changes: args.Length > 3 ? int.Parse(args[3]) : 60).RunAsync();
                break;
            case "extract-postgres" when args.Length > 1:
                await new ExtractBench(args[1], args.Length > 2 ? [.. args[2].Split(',').Select(int.Parse)] : [10_000, 100_000]).RunAsync();
                break;
            case "fanout":
                await new FanOutBench(args.Length > 1 ? int.Parse(args[1]) : 500, changes: 100, TimeSpan.FromMilliseconds(100)).RunAsync();
                break;
            default:
                Console.Error.WriteLine(
                    "Usage: claims-postgres <server connection string> [rounds] | claims-sqlite | circuits [tabs] [cycles] [changes] | " +
                        "fanout [clients] | ingest-postgres <server connection string> [orders] | dashboard-postgres <server connection " +
                            "string> [historic exams] | cold-start <server connection string> [historic] [open] | " +
                                "extract-postgres <server " +
                                "connection string> [sizes, e.g. 10000,100000]");
                return 2;
        }

        return 0;
    }
}
