using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ImagingWorklist.LoadBench;

/// <summary>
/// HL7 v2 over MLLP into PostgreSQL through the real app (store, answer, apply, engine, notification), against a
/// baseline in the same run that only stores each message idempotently (one INSERT … ON CONFLICT DO NOTHING per
/// message over the same number of connections). The replay carries 10 % duplicates and 5 % reordering (the "exam
/// complete" before its order); at the end the database must hold exactly what one clean delivery would have made.
/// </summary>
internal sealed class IngestBench(string server, int orders, int connections)
{
    public async Task RunAsync()
    {
        var database = $"iw_ingest_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            var (messages, expectedExams, expectedReady) = Replay(orders);
            Console.WriteLine(
                $"Replay: {messages.Count:N0} messages ({orders:N0} orders, ~30 % exam-complete, 10 % duplicates, 5 % reordered) over " +
                    $"{connections} MLLP connections");

            var baseline = await BaselineAsync(connection, messages);
            Console.WriteLine($"  baseline (idempotent store only): {baseline:N0} messages/s");

            await using var app = new WorklistAppFactory(DatabaseProvider.Postgres, connection, new Dictionary<string, string?>
            {
                ["Demo:OpenExams"] = "200",
                ["Demo:HistoryDays"] = "1",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            _ = app.Services;
            var endpoint = (await app.Services.GetRequiredService<MllpListener>().Bound)!;
            var (rate, sustained, latencies, answers) = await SendAsync(endpoint, messages);
            var (batches, batched) = app.Services.GetRequiredService<Hl7Ingest>().Batched;
            Console.WriteLine(
                $"  app (store, answer, apply):       {rate:N0} messages/s over the whole replay, {sustained:N0} messages/s sustained " +
                    $"(after the first quarter, once the JIT has settled), {latencies.Summary()}; ratio to baseline " +
                        $"{sustained / baseline:0.00}; mean batch {(double)batched / Math.Max(1, batches):0.0} messages");
            Console.WriteLine($"  answers: {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value:N0}"))}");

            await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
            var exams = await db.Exams.CountAsync(e => e.Patient.LocalMrn.StartsWith("MRZ1B"));
            var ready = await db.Exams.CountAsync(e => e.Patient.LocalMrn.StartsWith("MRZ1B") && e.State == ExamState.Ready);
            var verdict = exams == expectedExams && ready == expectedReady ? "the same as one clean delivery"
                : "DIFFERENT from one clean delivery";
            Console.WriteLine(
                $"  final state: {exams:N0} exams ({expectedExams:N0} expected), " +
                $"{ready:N0} ready ({expectedReady:N0} expected): {verdict}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    /// <summary>New orders, a third of them followed by "exam complete"; then duplicates and swapped pairs, deterministically.</summary>
    private static (List<string> Messages, int Exams, int Ready) Replay(int orders)
    {
        var random = new Random(20261129);
        var clean = new List<string>();
        var ready = 0;
        for (var i = 0; i < orders; i++)
        {
            var accession = $"RZ1B{i:D8}";
            clean.Add(Message($"N{i}", accession, "NW", "SC"));
            if (i % 3 == 0)
            {
                clean.Add(Message($"S{i}", accession, "SC", "CM"));
                ready++;
            }
        }

        var replay = new List<string>(clean);
        for (var i = 0; i + 1 < replay.Count; i++)
        {
            if (replay[i + 1].Contains("|SC|", StringComparison.Ordinal) && random.NextDouble() < 0.15)
            {
                (replay[i], replay[i + 1]) = (replay[i + 1], replay[i]);
                i++;
            }
        }

        foreach (var duplicate in clean.Where(_ => random.NextDouble() < 0.10).ToList())
        {
            replay.Insert(random.Next(replay.Count), duplicate);
        }

        return (replay, orders, ready);
    }

    private static string Message(string controlId, string accession, string control, string status) =>
        $"MSH|^~\\&|RIS|RZ1|IW|NET|20261125093000||ORM^O01|{controlId}|P|2.4\r" +
        $"PID|1||9434765919^^^NHS^NH~M{accession}^^^RZ1^MR||Benchpatient^Alex||19800101|M\r" +
        "PV1|1|O|^^^RZ101\r" +
        $"ORC|{control}|P1|F1||{status}\r" +
        $"OBR|1|P1|F1|XCHES^XR Chest|R||20261125090000||||||Cough|||||{accession}\r";

    /// <summary>Messages go out in order on each connection (a RIS keeps order per link); the links run side by side.</summary>
    private async Task<(double Rate, double Sustained, Latencies Latencies, Dictionary<string,
        int> Answers)> SendAsync(IPEndPoint endpoint, List<string> messages)
    {
        var latencies = new Latencies();
        var answeredAt = new ConcurrentQueue<long>();
        var answers = new ConcurrentDictionary<string, int>();
        var byLink = Enumerable.Range(0, connections)
            .Select(link => messages.Where((_, i) => ByAccession(messages[i]) % connections == link).ToList()).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(byLink.Select(async link =>
        {
            using var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync(IPAddress.Loopback, endpoint.Port);
            var stream = tcp.GetStream();
            var buffer = new byte[4096];
            foreach (var message in link)
            {
                var started = Stopwatch.GetTimestamp();
                await stream.WriteAsync(Mllp.Frame(message));
                var ack = await ReadFrameAsync(stream, buffer);
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                answers.AddOrUpdate(ack.Split('|')[1], 1, (_, n) => n + 1);
                answeredAt.Enqueue(Stopwatch.GetTimestamp());
            }
        }));
        var total = clock.Elapsed.TotalSeconds;
        var times = answeredAt.Order().ToList();
        var quarter = times.Count / 4;
        var sustained = (times.Count - 1 - quarter) / Stopwatch.GetElapsedTime(times[quarter], times[^1]).TotalSeconds;
        return (messages.Count / total, sustained, latencies, new Dictionary<string, int>(answers));
    }

    private async Task<double> BaselineAsync(string connection, List<string> messages)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using (var create =
            source.CreateCommand(
            "CREATE TABLE baseline_inbound (facility text, control_id text, raw text, PRIMARY KEY (facility, control_id))"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var byLink = Enumerable.Range(0, connections)
            .Select(link => messages.Where((_, i) => ByAccession(messages[i]) % connections == link).ToList()).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(byLink.Select(async link =>
        {
            await using var db = await source.OpenConnectionAsync();
            foreach (var message in link)
            {
                await using var insert =
                    new NpgsqlCommand("INSERT INTO baseline_inbound VALUES ('RZ1', @id, @raw) ON CONFLICT DO NOTHING", db);
                insert.Parameters.AddWithValue("id", message.Split('|')[9]);
                insert.Parameters.AddWithValue("raw", message);
                await insert.ExecuteNonQueryAsync();
            }
        }));
        return messages.Count / clock.Elapsed.TotalSeconds;
    }

    private static int ByAccession(string message) => Math.Abs(message[^12..].GetHashCode(StringComparison.Ordinal));

    private static async Task<string> ReadFrameAsync(NetworkStream stream, byte[] buffer)
    {
        var text = new StringBuilder();
        while (true)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                throw new IOException("The listener closed the connection.");
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var end = text.ToString().IndexOf('\x1c', StringComparison.Ordinal);
            if (end >= 0)
            {
                return text.ToString()[(text.ToString().IndexOf("MSA|", StringComparison.Ordinal))..end];
            }
        }
    }
}
