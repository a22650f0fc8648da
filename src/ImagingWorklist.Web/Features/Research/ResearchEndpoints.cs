using ImagingWorklist.Application.Research;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Features.Research;

/// <summary>Browser downloads of an extract's files, for its requester only (each download audited by the use case).</summary>
internal static class ResearchEndpoints
{
    public static WebApplication MapResearchEndpoints(this WebApplication app)
    {
        app.MapGet("/research/extracts/{id}/files/{name}", DownloadAsync).RequireAuthorization(WorklistPolicies.Research);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string id, string name, HttpContext context, ResearchExtracts extracts,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var extractId))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such extract among those you may see.");
        }

        var file = await extracts.FileAsync(extractId, name, new ResearchCaller(context.User.Actor("browser"), false), cancellationToken);
        return file.Succeeded
            ? Results.File(file.Value!.Content, file.Value.ContentType, file.Value.Name)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: file.Reason);
    }
}
