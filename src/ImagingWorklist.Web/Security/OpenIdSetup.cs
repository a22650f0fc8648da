using System.Security.Cryptography.X509Certificates;
using ImagingWorklist.Persistence;
using ImagingWorklist.Web.Infrastructure;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// The OpenID Connect server (OpenIddict) inside the app: authorization code with PKCE for people at workstations,
/// client credentials for RIS/PACS integrations, refresh tokens; discovery at /.well-known/openid-configuration.
/// Tokens are validated by the same app (UseLocalServer). Keys come from certificate files outside Development.
/// </summary>
internal static class OpenIdSetup
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string EndSessionPath = "/connect/endsession";
    public const string UserInfoPath = "/connect/userinfo";

    public static IHostApplicationBuilder AddWorklistOpenId(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<WorklistDbContext>();
                core.ReplaceApplicationManager(typeof(LoopbackRedirectApplicationManager<>));
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizePath[1..])
                    .SetTokenEndpointUris(TokenPath[1..])
                    .SetEndSessionEndpointUris(EndSessionPath[1..])
                    .SetUserInfoEndpointUris(UserInfoPath[1..]);
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, .. WorklistScopes.All]);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(configuration.GetValue("OpenIddict:AccessTokenMinutes", 30)))
                    .SetRefreshTokenLifetime(TimeSpan.FromHours(configuration.GetValue("OpenIddict:RefreshTokenHours", 12)));
                AddKeys(server, configuration, development);

                // Behind a load balancer every instance must name (and accept) one issuer, or a token from one instance
                // is refused by another reached at a different address.
                if (builder.Settings<SecuritySettings>().PublicBase is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (!builder.Settings<SecuritySettings>().RequiresHttps(development))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();

                // A revoked token or a removed client stops working at once, not when the token expires.
                validation.EnableTokenEntryValidation();
                validation.UseAspNetCore();
            });
        return builder;
    }

    /// <summary>
    /// Signing and encryption certificates from files (PKCS#12) named in configuration. Development falls back to
    /// OpenIddict's development certificates; anywhere else a missing certificate stops the start with the reason.
    /// </summary>
    private static void AddKeys(OpenIddictServerBuilder server, IConfiguration configuration, bool development)
    {
        var signing = Certificate(configuration, "OpenIddict:SigningCertificate", development);
        var encryption = Certificate(configuration, "OpenIddict:EncryptionCertificate", development);
        if (signing is null)
        {
            server.AddDevelopmentSigningCertificate();
        }
        else
        {
            server.AddSigningCertificate(signing);
        }

        if (encryption is null)
        {
            server.AddDevelopmentEncryptionCertificate();
        }
        else
        {
            server.AddEncryptionCertificate(encryption);
        }
    }

    internal static X509Certificate2? Certificate(IConfiguration configuration, string section, bool development)
    {
        var path = configuration[$"{section}:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return development
                ? null
                : throw new InvalidOperationException(
                    $"{section}:Path is not set. Outside Development the token signing and encryption keys must come from certificate " +
                        $"files (PKCS#12); see the README, 'Production'.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{section}:Path names '{path}', which does not exist.");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{section}:Password"],
                X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"{section}:Path '{path}' could not be read as a PKCS#12 certificate with its password: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Requests that carry a bearer token are judged by the token; so are WebSocket paths (the hub, the UPS event
    /// channel) given an access_token query parameter, since a WebSocket client cannot always set headers.
    /// </summary>
    public static bool UsesToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || ((context.Request.Path.StartsWithSegments(Realtime.WorklistHub.Path)
            || context.Request.Path.StartsWithSegments("/dicomweb/subscribers"))
            && context.Request.Query.ContainsKey("access_token"));

    public const string TokenScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
}
