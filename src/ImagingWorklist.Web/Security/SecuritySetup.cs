using System.Net;
using System.Threading.RateLimiting;
using ImagingWorklist.Web.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;

namespace ImagingWorklist.Web.Security;

/// <summary>Response headers that keep pages from being framed, sniffed or fed foreign script, and rate limits on the doors attackers
/// try.</summary>
internal static class SecuritySetup
{
    /// <summary>
    /// Blazor Server needs its own scripts and a WebSocket to this origin; MudBlazor sets inline styles. No inline or
    /// foreign script is allowed, and no page may frame this one.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IHostApplicationBuilder AddWorklistSecurity(this IHostApplicationBuilder builder)
    {
        var limits = builder.Settings<RateLimitSettings>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds))
                        .ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await context.HttpContext.Response.WriteAsync("Too many requests from this address; wait a minute and try again.",
                    cancellationToken);
            };

            // Per client address, per minute: sign-in attempts, token requests, and ingest messages.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var door = DoorOf(context.Request);
                if (door is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var permitted = limits.For(door);
                var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
                return RateLimitPartition.GetFixedWindowLimiter($"{door}:{address}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitted,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    private static string? DoorOf(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        if (request.Path.StartsWithSegments(IdentitySetup.LoginPath))
        {
            return "SignIn";
        }

        if (request.Path.StartsWithSegments(OpenIdSetup.TokenPath))
        {
            return "Token";
        }

        return request.Path.StartsWithSegments("/api/hl7v2") || request.Path.StartsWithSegments("/fhir") ? "Ingest" : null;
    }

    public static WebApplication UseWorklistSecurityHeaders(this WebApplication app)
    {
        // Behind a TLS-terminating proxy (and reachable only through it), believe its X-Forwarded-Proto, -Host and -For,
        // so the app knows the request was HTTPS at the public name and the audit trail records the client's address.
        var security = app.Services.GetRequiredService<SecuritySettings>();
        if (security.ForwardedHeaders)
        {
            var forwarded =
                new ForwardedHeadersOptions { ForwardedHeaders =
                ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            if (security.PublicBase is { } publicBase)
            {
                // A forwarded host other than the public one is not believed.
                forwarded.AllowedHosts = [publicBase.Authority];
            }
            app.UseForwardedHeaders(forwarded);
        }

        if (security.RequiresHttps(app.Environment.IsDevelopment()))
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/_content") && !context.Request.Path.StartsWithSegments("/_framework")
                && !context.Request.Path.StartsWithSegments("/css"))
            {
                // Pages and API answers carry patient data: never kept by the browser or a proxy.
                headers.CacheControl = "no-store";
            }

            return next(context);
        });
        return app;
    }
}
