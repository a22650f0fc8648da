using System.Net;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// RFC 8252 section 7.3: a native app receiving the authorization response on a loopback IP address may use whatever
/// port the operating system gave it, so a registered http://127.0.0.1/path (or http://[::1]/path) matches any port.
/// Every other redirect URI must match exactly.
/// </summary>
internal sealed class LoopbackRedirectApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri,
        CancellationToken cancellationToken = default)
    {
        if (await base.ValidateRedirectUriAsync(application, uri, cancellationToken))
        {
            return true;
        }

        if (!IsLoopback(uri, out var requested))
        {
            return false;
        }

        foreach (var registered in await GetRedirectUrisAsync(application, cancellationToken))
        {
            if (IsLoopback(registered, out var allowed) && SameButPort(requested, allowed))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsLoopback(string text, out Uri uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri!)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
        && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
        && IPAddress.IsLoopback(address)
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.IsNullOrEmpty(uri.Fragment);

    private static bool SameButPort(Uri requested, Uri allowed) =>
        string.Equals(requested.Host, allowed.Host, StringComparison.OrdinalIgnoreCase)
        && string.Equals(requested.AbsolutePath, allowed.AbsolutePath, StringComparison.Ordinal)
        && string.Equals(requested.Query, allowed.Query, StringComparison.Ordinal);
}
