using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator;

/// <summary>The simulated reporters: each signs in, claims the top of the UPS worklist, reads (in simulated time) and completes.</summary>
public static partial class LoadDriver
{
    /// <summary>A reporter: sign in, then claim the top of the UPS worklist, read it (simulated time) and complete it.</summary>
    private static async Task ReporterAsync(LoadDriverOptions options, string user, Stats stats, CancellationToken stop)
    {
        var random = new Random(options.Seed ^ user.GetHashCode(StringComparison.Ordinal));
        using var http =
            new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress =
            options.Url };
        try
        {
            var form = await http.GetStringAsync("/account/login", stop);
            var token = AntiforgeryToken().Match(form).Groups[1].Value;
            var signIn = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.UserName"] = user,
                ["Input.Password"] = options.Password,
            }), stop);
            if (signIn.StatusCode != HttpStatusCode.Redirect || !signIn.Headers.TryGetValues("Set-Cookie", out _))
            {
                stats.Error($"{user} could not sign in ({(int)signIn.StatusCode}).");
                return;
            }

            while (!stop.IsCancellationRequested)
            {
                var list = await http.GetAsync("/dicomweb/workitems?ProcedureStepState=SCHEDULED&limit=5", stop);
                if (list.StatusCode == HttpStatusCode.NoContent)
                {
                    await Task.Delay(TimeSpan.FromSeconds(60 / options.Speedup), options.Clock, stop);
                    continue;
                }

                if (!list.IsSuccessStatusCode)
                {
                    stats.Error($"{user}: search answered {(int)list.StatusCode}.");
                    await Task.Delay(TimeSpan.FromSeconds(1), options.Clock, stop);
                    continue;
                }

                var items = JsonNode.Parse(await list.Content.ReadAsStringAsync(stop))!.AsArray();
                // One of the top few, as colleagues looking at the same list do; the rest of the time they collide.
                var uids = items.Select(i => i?["00080018"]?["Value"]?[0]?.GetValue<string>()).OfType<string>().ToList();
                if (uids.Count == 0)
                {
                    continue;
                }

                var uid = uids[random.Next(uids.Count)];

                var transaction = $"2.25.{(ulong)random.NextInt64()}";
                var claim = await http.PutAsync($"/dicomweb/workitems/{uid}/state", State("IN PROGRESS", transaction), stop);
                if (claim.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
                {
                    // Taken by a colleague (409), or not this reporter's to take: outside their scope, off duty or at
                    // capacity (403). Look again a simulated minute later.
                    stats.Conflict(await claim.Content.ReadAsStringAsync(stop));
                    await Task.Delay(TimeSpan.FromSeconds(60 / options.Speedup), options.Clock, stop);
                    continue;
                }

                if (!claim.IsSuccessStatusCode)
                {
                    stats.Error($"{user}: claim answered {(int)claim.StatusCode}.");
                    continue;
                }

                stats.Claim();
                var readingMinutes = 8 * Math.Exp((0.5 * Workload.Normal(random)) - 0.125);
                await Task.Delay(TimeSpan.FromMinutes(readingMinutes / options.Speedup), options.Clock, stop);
                var complete =
                    await http.PutAsync($"/dicomweb/workitems/{uid}/state", State("COMPLETED", transaction), CancellationToken.None);
                if (complete.IsSuccessStatusCode)
                {
                    stats.Complete();
                }
                else
                {
                    stats.Error($"{user}: completion answered {(int)complete.StatusCode}.");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (HttpRequestException e)
        {
            stats.Error($"{user}: {e.Message}");
        }
    }

    private static StringContent State(string state, string transaction) =>
        new($$$"""[{"00741000":{"vr":"CS","Value":["{{{state}}}"]},"00081195":{"vr":"UI","Value":["{{{transaction}}}"]}}]""",
            Encoding.UTF8, "application/dicom+json");
}
