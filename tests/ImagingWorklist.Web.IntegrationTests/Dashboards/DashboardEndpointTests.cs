using System.Net;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;

namespace ImagingWorklist.Web.IntegrationTests.Dashboards;

public sealed class DashboardEndpointTests(DashboardEndpointTests.App app) : IClassFixture<DashboardEndpointTests.App>
{
    [Fact]
    public async Task AManagerDownloadsTheBacklogTableAsCsvWithATotalThatAddsUp()
    {
        var client = await SignIn.AsAsync(app, "manager");

        using var response = await client.GetAsync(new Uri("/api/dashboard/backlog.csv?by=Modality", UriKind.Relative));
        using var bad = await client.GetAsync(new Uri("/api/dashboard/backlog.csv?by=Colour", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',')).ToList();
        Assert.Equal(
            ["Modality", "Open", "< 24 h", "1–3 d", "3–7 d", "1–2 w", "2–4 w", "> 4 w", "Unassigned", "At risk 4 h", "At risk 24 h",
            "At risk 72 h", "Breached"], lines[0]);
        Assert.Equal("Total", lines[^1][0]);
        for (var column = 1; column < lines[0].Length; column++)
        {
            Assert.Equal(int.Parse(lines[^1][column], System.Globalization.CultureInfo.InvariantCulture), lines.Skip(1).SkipLast(1)
                .Sum(l => int.Parse(l[column], System.Globalization.CultureInfo.InvariantCulture)));
        }

        var bands = lines.Skip(1).SkipLast(1)
            .Sum(l => Enumerable.Range(2, 6).Sum(c => int.Parse(l[c], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(int.Parse(lines[^1][1], System.Globalization.CultureInfo.InvariantCulture), bands);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("by must be one of Trust, Site, Modality, Pathway, Priority", await bad.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnaroundComesAsCsvPerPathwayModalityAndTrust()
    {
        var client = await SignIn.AsAsync(app, "manager");

        using var response = await client.GetAsync(new Uri("/api/dashboard/turnaround.csv?days=30", UriKind.Relative));
        using var bad = await client.GetAsync(new Uri("/api/dashboard/turnaround.csv?days=0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("pathway,modality,trust,reported,median_minutes_approx,p90_minutes_approx,max_minutes,within_target,over_4_weeks",
            lines[0]);
        Assert.True(lines.Length > 1, "the demo network has reports in the last 30 days");
        Assert.All(lines.Skip(1), l => Assert.True(int.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture) > 0));
        // The pathway in the words the pages use, not the code's name for it.
        Assert.Contains(lines.Skip(1), l => l.StartsWith("ED,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.StartsWith("Emergency,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ActivityComesAsCsvEveryReporterForAManagerAndOnlyTheirOwnForAReporter()
    {
        var manager = await SignIn.AsAsync(app, "manager");
        var radiologist = await SignIn.AsAsync(app, "radiologist");

        var all = (await manager.GetStringAsync(new Uri("/api/dashboard/activity.csv?days=30", UriKind.Relative)))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var own = (await radiologist.GetStringAsync(new Uri("/api/dashboard/activity.csv?days=30", UriKind.Relative)))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var bad = await manager.GetAsync(new Uri("/api/dashboard/activity.csv?days=400", UriKind.Relative));

        Assert.StartsWith(
            "reporter,role,reports,reading_minutes,out_of_hours_minutes,verified,releases,skips,capacity_minutes,utilisation," +
            "minutes_general",
            all[0], StringComparison.Ordinal);
        Assert.True(all.Length > 20, "the demo network's reporters signed reports in the last 30 days");
        Assert.All(all.Skip(1), l
            => Assert.Contains(l.Split(',')[1], new[] { "Consultant radiologist", "Registrar", "Reporting radiographer" }));
        Assert.True(own.Length <= 2, string.Join(" | ", own));
        Assert.Equal(all[0], own[0]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task TheMonthlyReturnComesAsCsvWithTheNetworkFirstAndRefusesAMonthToCome()
    {
        var client = await SignIn.AsAsync(app, "manager");
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var lines = (await client.GetStringAsync(new Uri($"/api/dashboard/monthly-return.csv?month={month}", UriKind.Relative)))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var future = await client.GetAsync(new Uri("/api/dashboard/monthly-return.csv?month=2999-01", UriKind.Relative));
        using var garbled = await client.GetAsync(new Uri("/api/dashboard/monthly-return.csv?month=November", UriKind.Relative));

        Assert.Equal(
            "month,organisation_code,organisation,setting,modality,reported,median_hours_approx,p90_hours_approx,within_target," +
            "within_target_percent,reported_over_4_weeks,waiting_over_4_weeks_at_month_end", lines[0]);
        Assert.StartsWith($"{month},NETWORK,", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Split(',')[1] == "RZ1");
        Assert.True(int.Parse(lines[1].Split(',')[5], System.Globalization.CultureInfo.InvariantCulture) > 0, lines[1]);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("yyyy-MM", await garbled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForecastComesAsCsvDayByDay()
    {
        var client = await SignIn.AsAsync(app, "coordinator");

        var lines = (await client.GetStringAsync(new Uri("/api/dashboard/forecast.csv", UriKind.Relative)))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("day,open_at_day_end,breaches", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.All(lines.Skip(1), l
            => Assert.True(double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) > 0, l));
    }

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
