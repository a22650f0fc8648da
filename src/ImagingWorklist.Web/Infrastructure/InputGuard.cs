using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// Refuses, before anything reads it, a request whose path, query or form carries a NUL character: no stored value
/// can contain one (PostgreSQL text cannot hold it), so such a value can never match a filter or be saved. The answer
/// names the parameter and the position, so the sender can correct it.
/// </summary>
internal static class InputGuard
{
    public static IApplicationBuilder UseWorklistInputGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (await NulProblemAsync(context.Request) is { } problem)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(problem, context.RequestAborted);
            return;
        }

        await next(context);
    });

    private static async Task<string?> NulProblemAsync(HttpRequest request)
    {
        if (StoredText.NulAt(request.Path.Value) is { } inPath)
        {
            return StoredText.NulRefusal("The address", inPath);
        }

        foreach (var (key, values) in request.Query)
        {
            if (Problem("query parameter", key, values) is { } problem)
            {
                return problem;
            }
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException unreadable)
            {
                // The framework's own form reader refuses an encoded NUL, and a form over its size limits.
                return $"The form could not be read ({unreadable.Message.TrimEnd('.')}): a field holds a NUL character (0x00) or the " +
                    $"form is too large. Correct it and send again.";
            }

            foreach (var (key, values) in form)
            {
                if (Problem("form field", key, values) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static string? Problem(string kind, string key, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (StoredText.NulAt(key) is { } inKey)
        {
            return StoredText.NulRefusal($"The name of a {kind} ('{StoredText.Echo(key)}')", inKey);
        }

        foreach (var value in values)
        {
            if (StoredText.NulAt(value) is { } inValue)
            {
                return StoredText.NulRefusal($"The {kind} '{StoredText.Echo(key)}'", inValue);
            }
        }

        return null;
    }
}
