using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator;

/// <summary>
/// Drives a running instance through its real interfaces, as a network would: orders and "exam complete" messages from
/// the standard scenario's arrival profile over HL7 v2 MLLP, and reporters claiming and completing the top of their
/// UPS-RS worklist over HTTP, with reading times from the catalogue; simulated time runs at the chosen speed-up.
/// Loopback only and bounded in time, so a load or soak test can never reach anything else.
/// </summary>
public static partial class LoadDriver
{
    public static readonly TimeSpan LongestRun = TimeSpan.FromMinutes(30);

    public static async Task<LoadDriverReport> DriveAsync(LoadDriverOptions options, TextWriter log,
        CancellationToken cancellationToken = default)
    {
        Loopback(options.Mllp.Address, "--mllp");
        if (!options.Url.IsLoopback)
        {
            throw new ArgumentException($"--url {options.Url} is not a loopback address: load tests target only this machine.");
        }

        if (options.Duration <= TimeSpan.Zero || options.Duration > LongestRun)
        {
            throw new ArgumentException($"The duration must be between 1 second and {LongestRun.TotalMinutes:0} minutes.");
        }

        using var timeUp = new CancellationTokenSource(options.Duration, options.Clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeUp.Token);
        var stats = new Stats();
        var started = options.Clock.GetTimestamp();
        var reporters = options.Users.Select(user => ReporterAsync(options, user, stats, stop.Token)).ToList();
        var ingest = IngestAsync(options, stats, stop.Token);
        var progress = ProgressAsync(log, stats, options.Clock, started, stop.Token);
        await Task.WhenAll([ingest, progress, .. reporters]);
        return stats.Report(options.Clock.GetElapsedTime(started));
    }

    private static void Loopback(IPAddress address, string option)
    {
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"{option} {address} is not a loopback address: load tests target only this machine.");
        }
    }

    /// <summary>Arrivals hour by simulated hour from the standard profile, scaled to the trusts given, over one MLLP link.</summary>
    private static async Task IngestAsync(LoadDriverOptions options, Stats stats, CancellationToken stop)
    {
        var scenario =
            StandardScenario.Build(new StandardScenarioOptions { ExamsPerDay = options.ExamsPerDay, Days = 1, BacklogExams = 0 },
            options.Clock.GetUtcNow());
        var random = new Random(options.Seed);
        // Accessions are at most 16 characters: trust, "L", four digits of this run, six of sequence.
        var run = options.Clock.GetUtcNow().ToUnixTimeSeconds() % 10_000;
        var sequence = 0;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(options.Mllp, stop);
            var stream = client.GetStream();
            var start = options.Clock.GetUtcNow();
            for (var hour = 0; !stop.IsCancellationRequested; hour++)
            {
                var simulatedHour = scenario.Start.AddHours(hour);
                var arrivals = new List<(double Offset, ArrivalKind Kind)>();
                foreach (var kind in scenario.Arrivals)
                {
                    for (var n = Workload.Poisson(random, kind.PerHourOfWeek[ArrivalKind.HourOfWeek(simulatedHour)]); n > 0; n--)
                    {
                        arrivals.Add((random.NextDouble(), kind));
                    }
                }

                foreach (var (offset, kind) in arrivals.OrderBy(a => a.Offset))
                {
                    var due = start + TimeSpan.FromHours((hour + offset) / options.Speedup);
                    var wait = due - options.Clock.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, options.Clock, stop);
                    }

                    stop.ThrowIfCancellationRequested();
                    var trust = options.Trusts[random.Next(options.Trusts.Count)];
                    var accession = $"{trust}L{run:D4}{sequence++ % 1_000_000:D6}";

                    // An exam's pair of messages is finished even when the time is up, so every order sent is complete
                    // and answered; a server that stops answering is given ten seconds.
                    using var finish = new CancellationTokenSource(TimeSpan.FromSeconds(10), options.Clock);
                    foreach (var message in Order(kind, trust, accession, random, options.Clock.GetUtcNow()))
                    {
                        await SendAsync(stream, message, stats, options.Clock, finish.Token);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
            stats.Error("MLLP: the server did not answer within 10 seconds.");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            stats.Error($"MLLP: {e.Message}");
        }
    }

    /// <summary>A new order and, straight after, its "exam complete": the exam is then ready to report.</summary>
    private static IEnumerable<string> Order(ArrivalKind kind, string trust, string accession, Random random, DateTimeOffset at)
    {
        var now = at.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var patientClass = kind.PatientClass switch
        {
            PatientClass.Emergency => "E",
            PatientClass.Inpatient => "I",
            _ => "O",
        };
        var priority = kind.Priority switch
        {
            ClinicalPriority.Stat => "S",
            ClinicalPriority.Asap => "A",
            ClinicalPriority.Urgent => "U",
            _ => "R",
        };
        var referral = kind.PatientClass == PatientClass.GeneralPractice ? "GP" : string.Empty;
        var mrn = $"L{random.Next(1_000_000, 9_999_999)}";
        foreach (var (control, status, id) in new[] { ("NW", "SC", "N"), ("SC", "CM", "S") })
        {
            yield return
                $"MSH|^~\\&|LOADDRIVER|{trust}|IW|NET|{now}||ORM^O01|{id}{accession}|P|2.4\r" +
                $"PID|1||{mrn}^^^{trust}^MR||Loadtest^Patient||19700101|U\r" +
                $"PV1|1|{patientClass}|^^^{trust}01||||||||||||||||{referral}\r" +
                $"ORC|{control}|P{accession}|F{accession}||{status}\r" +
                $"OBR|1|P{accession}|F{accession}|{kind.Procedure.Code}^{kind.Procedure.Description}|{priority}||{now}||||||Load " +
                    $"test|||||{accession}\r";
        }
    }

    private static async Task SendAsync(NetworkStream stream, string message, Stats stats, TimeProvider clock, CancellationToken stop)
    {
        var sent = clock.GetTimestamp();
        var payload = Encoding.UTF8.GetBytes(message);
        var frame = new byte[payload.Length + 3];
        frame[0] = 0x0B;
        payload.CopyTo(frame, 1);
        frame[^2] = 0x1C;
        frame[^1] = 0x0D;
        await stream.WriteAsync(frame, stop);
        var answer = await ReadFrameAsync(stream, stop);
        stats.Ack(AckCode().Match(answer) is { Success: true } m ? m.Groups[1].Value : "??", answer, clock.GetElapsedTime(sent)
            .TotalMilliseconds);
    }

    private static async Task<string> ReadFrameAsync(NetworkStream stream, CancellationToken stop)
    {
        var buffer = new List<byte>(256);
        var one = new byte[1];
        while (await stream.ReadAsync(one, stop) == 1)
        {
            if (one[0] == 0x1C)
            {
                await stream.ReadExactlyAsync(one, stop);
                break;
            }

            if (one[0] != 0x0B)
            {
                buffer.Add(one[0]);
            }
        }

        return Encoding.UTF8.GetString([.. buffer]);
    }

    private static async Task ProgressAsync(TextWriter log, Stats stats, TimeProvider clock, long started, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stop);
                var elapsed = clock.GetElapsedTime(started);
                await log.WriteLineAsync($"[{elapsed.TotalSeconds,4:0} s] {stats.Report(elapsed)}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"(?:^|\r)MSA\|([A-Z]{2})")]
    private static partial Regex AckCode();

    private sealed class Stats
    {
        private readonly Lock _gate = new();
        private readonly List<double> _ackMilliseconds = [];
        private int _sent, _accepted, _refused, _claims, _conflicts, _completions, _errors;

        public List<string> Errors { get; } = [];

        public string? FirstRefusal { get; private set; }

        public void Ack(string code, string answer, double milliseconds)
        {
            lock (_gate)
            {
                _sent++;
                _ackMilliseconds.Add(milliseconds);
                if (code is "AA" or "CA")
                {
                    _accepted++;
                }
                else
                {
                    _refused++;
                    FirstRefusal ??= answer.Replace('\r', ' ');
                }
            }
        }

        public void Claim() => Interlocked.Increment(ref _claims);

        public string? FirstConflict { get; private set; }

        public void Conflict(string reason)
        {
            lock (_gate)
            {
                _conflicts++;
                FirstConflict ??= reason;
            }
        }

        public void Complete() => Interlocked.Increment(ref _completions);

        public void Error(string what)
        {
            lock (_gate)
            {
                _errors++;
                Errors.Add(what);
            }
        }

        public LoadDriverReport Report(TimeSpan elapsed)
        {
            lock (_gate)
            {
                var sorted = _ackMilliseconds.Order().ToList();
                double At(double q)
                    => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
                return new LoadDriverReport(_sent, _accepted, _refused, At(0.5), At(0.99), _claims, _conflicts, _completions, _errors,
                    elapsed)
                {
                    FirstRefusal = FirstRefusal,
                    FirstConflict = FirstConflict,
                    FirstError = Errors.FirstOrDefault(),
                };
            }
        }
    }
}
