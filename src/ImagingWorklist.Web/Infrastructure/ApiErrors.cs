using ImagingWorklist.Application.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// The last line for anything a request handler did not expect. Programs calling the APIs get a JSON problem with a
/// reference (the request's trace identifier), never a stack trace; people get the error page showing the same
/// reference; every such error is logged with it, so support can find the one a user reports. A request the framework
/// could not read (a parameter of the wrong type, a body over the size limit) is answered with its own status and
/// the framework's reason, not as an error of ours.
/// </summary>
internal sealed class ApiErrors(ILogger<ApiErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var reference = context.TraceIdentifier;

        // By now the request has been pointed at the error page; where it was going is kept in this feature.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        if (exception is BadHttpRequestException bad)
        {
            logger.LogInformation("Request {Reference} refused as unreadable ({Status}): {Reason}", reference, bad.StatusCode, bad.Message);
            context.Response.StatusCode = bad.StatusCode;
            return await WriteAsync(context, path, bad.StatusCode, bad.Message, reference);
        }

        if (DatabaseUnreachable.Caused(exception) && WebSetup.IsApi(path))
        {
            // A restart or a network blip: say so and when to try again, rather than an internal error.
            logger.LogWarning("Request {Reference} ({Method} {Path}) answered 503: the database could not be reached", reference,
                context.Request.Method, path.Value);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            return await WriteAsync(context, path, StatusCodes.Status503ServiceUnavailable,
                $"The worklist cannot reach its database just now; nothing this request asked for was done. Try again in a few seconds " +
                    $"(reference {reference}).", reference);
        }

        logger.LogError(exception, "Unhandled error in request {Reference} ({Method} {Path})", reference, context.Request.Method,
            path.Value);
        if (!WebSetup.IsApi(path))
        {
            // The error page (re-executed) shows the reference to the person.
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var title =
            $"The request could not be completed; nothing it asked for can be assumed done. Quote reference {reference} to the support " +
                $"team.";
        return await WriteAsync(context, path, StatusCodes.Status500InternalServerError, title, reference);
    }

    private static async ValueTask<bool> WriteAsync(HttpContext context, PathString path, int status, string title, string reference)
    {
        if (context.Response.HasStarted)
        {
            return true;
        }

        if (path.StartsWithSegments("/fhir"))
        {
            var type = status >= 500 ? Hl7.Fhir.Model.OperationOutcome.IssueType.Exception
                : Hl7.Fhir.Model.OperationOutcome.IssueType.Invalid;
            await Interop.Fhir.FhirEndpoints.Problem(status, type, $"{title} (reference {reference})").ExecuteAsync(context);
            return true;
        }

        await Results.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["reference"] = reference })
            .ExecuteAsync(context);
        return true;
    }
}
