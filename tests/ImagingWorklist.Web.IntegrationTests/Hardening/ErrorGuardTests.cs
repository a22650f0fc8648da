using System.Net;
using System.Text.Json.Nodes;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.IntegrationTests.Interop.Fhir;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Hardening;

/// <summary>What a caller sees when the app itself fails, and when the framework cannot read what it was sent.</summary>
public sealed class ErrorGuardTests
{
    [Fact]
    public async Task AFailureInsideTheAppIsAnsweredWithAReferenceNeverAStackTrace()
    {
        await using var app =
            new WorklistAppFactory(settings: new Dictionary<string, string?> { ["Demo:OpenExams"] = "40", ["Demo:HistoryDays"] = "1" });
        var manager = await SignIn.AsAsync(app, "manager");
        var reader = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.read"));
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext())
        {
            // The database loses a table under the running app: every query on exams now fails inside the app.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Exams\" RENAME TO \"ExamsGone\"");
        }

        var fhir = await reader.GetAsync("/fhir/Task");
        var csv = await manager.GetAsync("/api/dashboard/backlog.csv");

        Assert.Equal(HttpStatusCode.InternalServerError, fhir.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(fhir));
        Assert.Contains("Quote reference", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, csv.StatusCode);
        Assert.Equal("application/problem+json", csv.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await csv.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrEmpty(problem["reference"]?.GetValue<string>()));
        Assert.DoesNotContain("Exception", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/dashboard/turnaround.csv?days=lots", "days")]
    [InlineData("/api/audit/export.csv?exam=not-a-guid", "exam")]
    public async Task AParameterOfTheWrongTypeIsRefusedNamingIt(string address, string parameter)
    {
        await using var app =
            new WorklistAppFactory(settings: new Dictionary<string, string?> { ["Demo:OpenExams"] = "40", ["Demo:HistoryDays"] = "1" });
        var admin = await SignIn.AsAsync(app, "admin");

        var response = await admin.GetAsync(address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
