using System.Net;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;

namespace ImagingWorklist.Web.IntegrationTests.Rota;

public sealed class RotaEndpointTests(RotaEndpointTests.App app) : IClassFixture<RotaEndpointTests.App>
{
    [Fact]
    public async Task AReporterDownloadsTheirOwnCalendarButNotAColleagues()
    {
        var client = await SignIn.AsAsync(app, "radiologist");
        var own = await DemoPeople.ReporterOfAsync(app.Services, "radiologist");
        var colleague = await DemoPeople.ReporterOfAsync(app.Services, "radiologist2");

        using var mine = await client.GetAsync(new Uri($"/api/rota/calendar/{own}.ics", UriKind.Relative));
        using var theirs = await client.GetAsync(new Uri($"/api/rota/calendar/{colleague}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("text/calendar", mine.Content.Headers.ContentType?.MediaType);
        var text = await mine.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
    }

    [Fact]
    public async Task ACoordinatorExportsTheWeekAsCsvThatSaysWhatIsWrongWithABadRequest()
    {
        var client = await SignIn.AsAsync(app, "coordinator");
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        using var export = await client.GetAsync(new Uri($"/api/rota/export.csv?from={monday:yyyy-MM-dd}&days=3", UriKind.Relative));
        using var bad = await client.GetAsync(new Uri("/api/rota/export.csv?from=30/11/2026", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{RotaFiles.ReplacesDirective},{monday:yyyy-MM-dd},{monday.AddDays(2):yyyy-MM-dd}", lines[0]);
        Assert.Equal("id," + RotaFiles.CsvHeader, lines[1]);
        Assert.True(lines.Length > 10, "the demo rota has shifts every day");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from=yyyy-MM-dd", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
