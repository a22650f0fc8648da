using ImagingWorklist.Application;
using ImagingWorklist.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Static assets (MudBlazor's and ours) are resolved from the build's manifest in every environment, so `dotnet run` works outside Development too.
builder.WebHost.UseStaticWebAssets();

builder.AddWorklistPersistence();
builder.Services.AddWorklistApplication();
builder.AddWorklistWeb();
builder.AddWorklistHealthChecks();

var app = builder.Build();

await app.InitialiseWorklistDatabaseAsync();

app.UseWorklistWeb();
app.MapWorklistHealthChecks();
app.AnnounceAddresses();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;
