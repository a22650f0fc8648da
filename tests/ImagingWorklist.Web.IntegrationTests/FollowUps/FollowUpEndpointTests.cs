using System.Globalization;
using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FollowUps;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.IntegrationTests.Interop.Fhir;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace ImagingWorklist.Web.IntegrationTests.FollowUps;

/// <summary>
/// A follow-up recommended at one trust, read as FHIR ServiceRequest (intent proposal) and CSV, closed by an HL7 order
/// from another trust sent by the RIS client over HTTP: the standard interfaces end to end.
/// </summary>
public sealed class FollowUpEndpointTests(FollowUpEndpointTests.App app) : IClassFixture<FollowUpEndpointTests.App>
{
    [Fact]
    public async Task ARecommendationIsReadAsAProposalAndClosedByAnOrderFromAnotherTrust()
    {
        var (followUp, exam) = await RecommendAsync(skip: 12);
        var reader = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "reports.read"));

        var active =
            Assert.IsType<Bundle>(
            await FhirJson.ParseAsync(await reader.GetAsync("/fhir/ServiceRequest?intent=proposal&status=active&_count=500")));
        var proposal = Assert.Single(active.Entry.Select(e => Assert.IsType<ServiceRequest>(e.Resource)), r => r.Id == followUp.ToString());
        Assert.Equal((RequestIntent.Proposal, RequestStatus.Active), (proposal.Intent, proposal.Status));
        Assert.Equal(exam.ProcedureCode, proposal.Code!.Coding[0].Code);
        Assert.Equal(UkCalendar.DayOf(Now).AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Assert.IsType<Period>(proposal.Occurrence).End);
        var patient = Assert.IsType<Hl7.Fhir.Model.Patient>(Assert.Single(proposal.Contained));
        Assert.Equal(exam.Patient.NhsNumber!.Value, patient.Identifier[0].Value);

        var manager = await SignIn.AsAsync(app, "manager");
        var csv = await manager.GetStringAsync("/api/follow-ups.csv?view=open");
        Assert.StartsWith("due_by,status,overdue,trust,patient,nhs_number", csv, StringComparison.Ordinal);
        Assert.Contains(exam.Accession.Value, csv, StringComparison.Ordinal);

        // The RIS of the other trust orders the recommended procedure for the same patient.
        var other = exam.TrustOds == "RZ1" ? "RZ2" : "RZ1";
        var ingester = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var stamp = UkCalendar.ToLocal(Now).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var order =
            $"MSH|^~\\&|RIS|{other}|IW|NET|{stamp}||ORM^O01|FU1|P|2.4\r" +
            $"PID|1||{exam.Patient.NhsNumber.Value}^^^NHS^NH~FU77^^^{other}^MR||{exam.Patient.FamilyName}^{exam.Patient.GivenName}||" +
                $"{exam.Patient.DateOfBirth:yyyyMMdd}|F\r" +
            $"PV1|1|O|^^^{other}01\r" +
            "ORC|NW|P1|F1||SC\r" +
            $"OBR|1|P1|F1|{exam.ProcedureCode}^Follow-up|R||||||||Follow-up as recommended|||||{other}FU000001\r";
        var ack = await (await ingester.PostAsync(Hl7Endpoints.Path, new StringContent(order, Encoding.UTF8, Hl7Endpoints.MediaType)))
            .Content.ReadAsStringAsync();
        Assert.Contains("MSA|AA|FU1|", ack, StringComparison.Ordinal);

        var done = Assert.IsType<ServiceRequest>(await FhirJson.ParseAsync(await reader.GetAsync($"/fhir/ServiceRequest/{followUp}")));
        Assert.Equal(RequestStatus.Completed, done.Status);
        Assert.Contains($"({other}FU000001)", done.Note[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/fhir/ServiceRequest?intent=order", "intent must be proposal")]
    [InlineData("/fhir/ServiceRequest?status=done", "not one of active, completed, revoked")]
    [InlineData("/fhir/ServiceRequest?patient=9434765919", "'patient' is not supported")]
    [InlineData("/fhir/ServiceRequest?_count=0", "_count 1 to 500")]
    public async Task AFhirSearchItCannotAnswerIsRefusedWithTheReason(string url, string reason)
    {
        var reader = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "reports.read"));

        var response = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains(reason, outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownViewOrRecommendationIsAnsweredNotIgnored()
    {
        var manager = await SignIn.AsAsync(app, "manager");
        var reader = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "reports.read"));

        var view = await manager.GetAsync("/api/follow-ups.csv?view=late");
        var missing = await reader.GetAsync("/fhir/ServiceRequest/not-a-guid");

        Assert.Equal(HttpStatusCode.BadRequest, view.StatusCode);
        Assert.Contains("needs-action, overdue, open, closed, all", await view.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private DateTimeOffset Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>The radiologist claims a case whose patient has a valid NHS number and recommends the same procedure in three
    /// months.</summary>
    private async Task<(Guid FollowUp, ExamFacts Exam)> RecommendAsync(int skip)
    {
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist");
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>();
        for (var attempt = skip; attempt < skip + 20; attempt++)
        {
            var examId = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null, skip: attempt);
            await using var db = await contexts.CreateDbContextAsync();
            var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == examId);
            if (exam.Patient.NhsNumber is null)
            {
                continue;
            }

            var trust = await db.Trusts.AsNoTracking().SingleAsync(t => t.Id == exam.TrustId);
            var request =
                new FollowUpRequest(exam.ProcedureCode, UkCalendar.DayOf(Now).AddMonths(3), "Follow-up of an indeterminate finding",
                FollowUpRecipient.Referrer, "Dr R Patel");
            var recommended = await app.Services.GetRequiredService<FollowUpService>()
                .RecommendAsync(examId, reporter, request, new Actor("radiologist", reporter));
            Assert.True(recommended.Succeeded, recommended.Reason);
            return (recommended.Value, new ExamFacts(exam.Accession, exam.Patient, exam.ProcedureCode, trust.OdsCode.Value));
        }

        throw new InvalidOperationException("The demo radiologist should have a case with a valid NHS number.");
    }

    private sealed record ExamFacts(Domain.Identifiers.AccessionNumber Accession, Domain.Exams.Patient Patient, string ProcedureCode,
        string TrustOds);

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
