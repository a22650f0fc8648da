using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// Absolute links the app writes (FHIR entries' fullUrl, the capability statement's address): under
/// <c>Security:PublicBaseUrl</c> when set, so every instance behind the load balancer writes the same link; otherwise
/// under the address the request came to (after a trusted proxy's forwarded headers).
/// </summary>
internal static class PublicAddress
{
    public static string Of(HttpRequest request, string path)
    {
        var root = request.HttpContext.RequestServices.GetRequiredService<SecuritySettings>().PublicBase?.ToString()
            ?? $"{request.Scheme}://{request.Host}{request.PathBase}/";
        return root + path.TrimStart('/');
    }
}
