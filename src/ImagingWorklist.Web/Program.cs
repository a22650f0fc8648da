using ImagingWorklist.Application;
using ImagingWorklist.Web.DicomWeb;
using ImagingWorklist.Web.Identity;
using ImagingWorklist.Web.Infrastructure;
using ImagingWorklist.Web.Realtime;

var builder = WebApplication.CreateBuilder(args);

// Static assets (MudBlazor's and ours) are resolved from the build's manifest in every environment, so `dotnet run` works outside Development too.
builder.WebHost.UseStaticWebAssets();

builder.AddWorklistPersistence();
builder.Services.AddWorklistApplication();
builder.AddWorklistClaims();
builder.AddWorklistIdentity();
builder.AddWorklistRealtime();
builder.AddWorklistWeb();
builder.AddWorklistHealthChecks();

var app = builder.Build();

await app.InitialiseWorklistAsync();

app.UseWorklistWeb();
app.MapAccountEndpoints();
app.MapUpsEndpoints();
app.MapHub<WorklistHub>(WorklistHub.Path);
app.MapWorklistHealthChecks();
app.AnnounceAddresses();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;
