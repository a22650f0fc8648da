using ImagingWorklist.Application;
using ImagingWorklist.Web.Features.Account;
using ImagingWorklist.Web.Features.Admin;
using ImagingWorklist.Web.Features.Dashboards;
using ImagingWorklist.Web.Features.FollowUps;
using ImagingWorklist.Web.Features.Research;
using ImagingWorklist.Web.Features.Rota;
using ImagingWorklist.Web.Infrastructure;
using ImagingWorklist.Web.Interop;
using ImagingWorklist.Web.Interop.DicomWeb;
using ImagingWorklist.Web.Interop.Fhir;
using ImagingWorklist.Web.Interop.Hl7v2;
using ImagingWorklist.Web.Realtime;
using ImagingWorklist.Web.Security;

var builder = WebApplication.CreateBuilder(args);

// Static assets (MudBlazor's and ours) are resolved from the build's manifest in every environment, so `dotnet run` works outside
// Development too.
builder.WebHost.UseStaticWebAssets();

builder.AddWorklistPersistence();
builder.Services.AddWorklistApplication(builder.Configuration);
builder.AddWorklistBackgroundWork();
builder.AddWorklistIdentity();
builder.AddWorklistOpenId();
builder.AddWorklistSecurity();
builder.AddWorklistInterop();
builder.AddWorklistRealtime();
builder.AddWorklistWeb();
builder.AddWorklistHealthChecks();
builder.AddWorklistTelemetry();

var app = builder.Build();

await app.InitialiseWorklistAsync();

app.UseWorklistWeb();
app.MapAccountEndpoints();
app.MapConnectEndpoints();
app.MapAuditEndpoints();
app.MapRotaEndpoints();
app.MapDashboardEndpoints();
app.MapFollowUpEndpoints();
app.MapUpsEndpoints();
app.MapHl7Endpoints();
app.MapFhirEndpoints();
app.MapFhirFollowUpEndpoints();
app.MapFhirIngestEndpoints();
app.MapFhirBulkData();
app.MapResearchEndpoints();
app.MapHub<WorklistHub>(WorklistHub.Path).RequireAuthorization(WorklistPolicies.WorklistRead);
app.MapWorklistHealthChecks();
app.MapWorklistMetrics();
app.AnnounceAddresses();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;
