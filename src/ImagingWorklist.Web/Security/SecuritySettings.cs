using ImagingWorklist.Web.Infrastructure;

namespace ImagingWorklist.Web.Security;

/// <summary>The <c>Security</c> settings.</summary>
internal sealed record SecuritySettings : IStartupSettings
{
    public static string Section => "Security";

    /// <summary>Secure cookies, HSTS and token endpoints that refuse plain HTTP; unset means "outside Development".</summary>
    public bool? RequireHttps { get; init; }

    /// <summary>Believe a TLS-terminating proxy's X-Forwarded-Proto and -For (only when the app is reachable only through it).</summary>
    public bool ForwardedHeaders { get; init; }

    /// <summary>
    /// The address users and systems reach the network's worklist at (the load balancer's), e.g.
    /// <c>https://worklist.example.nhs.uk/</c>: the token issuer every instance names and accepts, and the base of the
    /// absolute links the app writes. Unset, each instance takes it from the request, which is right for one instance.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>A session untouched this long ends; an open but unattended page signs itself out.</summary>
    public double IdleTimeoutMinutes { get; init; } = 30;

    public bool RequiresHttps(bool development) => RequireHttps ?? !development;

    /// <summary>The public base URL with a trailing slash, or null when each request's own address is used.</summary>
    public Uri? PublicBase =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null
            : new Uri(PublicBaseUrl.EndsWith('/') ? PublicBaseUrl : PublicBaseUrl + "/", UriKind.Absolute);

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http")
                || address.Query.Length > 0 || address.Fragment.Length > 0 || address.UserInfo.Length > 0))
        {
            yield return $"Security:PublicBaseUrl must be an absolute http or https address without a query, fragment or user name " +
                $"(e.g. https://worklist.example.nhs.uk/), not '{PublicBaseUrl}'.";
        }

        if (IdleTimeoutMinutes is <= 0 or > 24 * 60)
        {
            yield return $"Security:IdleTimeoutMinutes must be between 1 and 1440, not {IdleTimeoutMinutes}.";
        }
    }
}
