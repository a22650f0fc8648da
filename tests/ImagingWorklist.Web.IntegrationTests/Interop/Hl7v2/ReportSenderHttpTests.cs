using System.Text.Json;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Web.Interop.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Hl7v2;

/// <summary>
/// The sender against a real HTTP receiver on loopback: a FHIR server that is unavailable, then accepts; a receiver that
/// refuses the content; and endpoint settings that are missing or wrong, each failing with words that name the fix.
/// </summary>
public sealed class ReportSenderHttpTests : IAsyncLifetime
{
    private readonly List<string> _bodies = [];
    private WebApplication _receiver = null!;
    private int _calls;
    private string _address = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/fhir/DiagnosticReport", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var call = Interlocked.Increment(ref _calls);
            _bodies.Add($"{request.ContentType}\n{body}");
            return call == 1 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Created("/fhir/DiagnosticReport/1", null);
        });
        _receiver.MapPost("/refuses", () => Results.BadRequest("Patient not known at this trust"));
        await _receiver.StartAsync();
        _address = _receiver.Urls.Single();
    }

    [Fact]
    public async Task AFhirReceiverThatIsDownGetsTheReportAgainWhenItIsUp()
    {
        var sender = Sender(("RZ1", "Http", $"{_address}/fhir", "Fhir"));

        var first = await sender.AttemptAsync(Row("RZ1"), CancellationToken.None);
        var second = await sender.AttemptAsync(Row("RZ1"), CancellationToken.None);

        Assert.False(first.Delivered);
        Assert.Contains("HTTP 503", first.Error, StringComparison.Ordinal);
        Assert.True(second.Delivered, second.Error);
        var (contentType, body) = (_bodies[^1].Split('\n', 2)[0], _bodies[^1].Split('\n', 2)[1]);
        Assert.StartsWith("application/fhir+json", contentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(("DiagnosticReport", "final", "No acute abnormality."),
            (json.RootElement.GetProperty("resourceType").GetString(), json.RootElement.GetProperty("status").GetString(),
            json.RootElement.GetProperty("conclusion").GetString()));
        Assert.Equal("https://fhir.nhs.uk/Id/nhs-number",
            json.RootElement.GetProperty("contained")[0].GetProperty("identifier")[0].GetProperty("system").GetString());
        // The Firely parser refuses anything that is not valid R4.
        var report =
            Assert.IsType<Hl7.Fhir.Model.DiagnosticReport>(
            JsonSerializer.Deserialize<Hl7.Fhir.Model.Resource>(body, Fhir.FhirJson.Options));
        Assert.Equal("CT Head", report.Code.Text);
        Assert.IsType<Hl7.Fhir.Model.Patient>(Assert.Single(report.Contained));
    }

    [Fact]
    public async Task ARefusalAndBadSettingsFailWithTheReasonAndWhatToSet()
    {
        var refused = await Sender(("RZ1", "Http", $"{_address}/refuses", "Hl7v2")).AttemptAsync(Row("RZ1"), CancellationToken.None);
        Assert.False(refused.Delivered);
        Assert.Contains("Patient not known at this trust", refused.Error, StringComparison.Ordinal);

        var missing = await Sender().AttemptAsync(Row("RZ2"), CancellationToken.None);
        Assert.Contains("set Delivery:Endpoints:RZ2:Address", missing.Error, StringComparison.Ordinal);

        var wrong = await Sender(("RZ3", "Mllp", "not-a-port", null)).AttemptAsync(Row("RZ3"), CancellationToken.None);
        Assert.Contains("must be host:port", wrong.Error, StringComparison.Ordinal);

        var closed = await Sender(("RZ4", "Mllp", "127.0.0.1:1", null)).AttemptAsync(Row("RZ4"), CancellationToken.None);
        Assert.False(closed.Delivered);
        Assert.Contains("Could not reach MLLP 127.0.0.1:1", closed.Error, StringComparison.Ordinal);
    }

    private static ReportSender Sender(params (string Trust, string Transport, string Address, string? Format)[] endpoints)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (trust, transport, address, format) in endpoints)
        {
            settings[$"Delivery:Endpoints:{trust}:Transport"] = transport;
            settings[$"Delivery:Endpoints:{trust}:Address"] = address;
            settings[$"Delivery:Endpoints:{trust}:Format"] = format;
        }

        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return new ReportSender(
            services.GetRequiredService<IHttpClientFactory>(),
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(DeliverySettings.Section).Get<DeliverySettings>()
                ?? new(),
            TimeProvider.System);
    }

    private static DueReport Row(string trust)
    {
        var document = new ReportDocument(
            Guid.NewGuid(), Guid.NewGuid(), DeliveryKind.Final, trust, trust + "01", "ACC1", "1.2.3", "9434765919", "M1", "Test", "Patient",
            new DateOnly(1960, 6, 1), Sex.Female, Modality.CT, "CHEAD", "CT Head", DateTimeOffset.UtcNow.AddHours(-1),
                "No acute abnormality.",
            DateTimeOffset.UtcNow, "Dr Test", "GMC1", null, null, null);
        return new DueReport(Guid.NewGuid(), document.ToJson());
    }

    public async Task DisposeAsync()
    {
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
    }
}
