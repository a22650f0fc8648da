using System.Net;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.Simulator;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ImagingWorklist.Web.IntegrationTests.Simulation;

/// <summary>The load driver against the real app on Kestrel and its real MLLP listener, on loopback, for a few seconds.</summary>
public sealed class LoadDriverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheDriverSendsOrdersOverMllpAndReportersClaimAndCompleteOverUpsRs()
    {
        await using var app = new WorklistAppFactory(DatabaseProvider.Sqlite);
        app.UseKestrel(0);
        app.StartServer();
        var url =
            new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var mllp = (await app.Services.GetRequiredService<MllpListener>().Bound)!;
        var log = new StringWriter();

        var report = await LoadDriver.DriveAsync(
            new LoadDriverOptions(new IPEndPoint(IPAddress.Loopback, mllp.Port), url, ["radiologist", "radiologist2"],
                WorklistAppFactory.DemoPassword, ["RZ1", "RZ2"])
            {
                Speedup = 3600,
                Duration = TimeSpan.FromSeconds(6),
            },
            log);

        output.WriteLine(report.ToString());
        Assert.True(report.Errors == 0, report.ToString());
        Assert.True(report.MessagesSent > 50, report.ToString());
        Assert.True(report.MessagesSent == report.Accepted, report.ToString());
        Assert.True(report.Claims > 0 && report.Completions > 0, report.ToString());
        Assert.Contains("HL7 messages sent", log.ToString(), StringComparison.Ordinal);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var driven = await db.Exams.Where(e => e.Patient.LocalMrn.StartsWith("L")).ToListAsync();
        // Each exam is a new order and its "exam complete", and the driver finishes the pair in hand when time is up.
        Assert.Equal(report.MessagesSent / 2, driven.Count);
        Assert.Equal(0, report.MessagesSent % 2);
        Assert.DoesNotContain(driven, e => e.State == ExamState.Ordered);
        Assert.True(report.Conflicts < 10 * report.Claims, report.ToString());
    }

    [Theory]
    [InlineData("10.1.2.3", "http://127.0.0.1:5000/")]
    [InlineData("127.0.0.1", "http://192.168.1.20:5000/")]
    public async Task AnythingButLoopbackIsRefusedBeforeAnythingIsSent(string mllpHost, string url)
    {
        var options = new LoadDriverOptions(new IPEndPoint(IPAddress.Parse(mllpHost), 2575), new Uri(url), ["radiologist"], "x", ["RZ1"]);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => LoadDriver.DriveAsync(options, TextWriter.Null));

        Assert.Contains("loopback", refused.Message, StringComparison.Ordinal);
    }
}
