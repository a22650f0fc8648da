using System.Security.Cryptography;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// The demo network's OAuth clients: <c>demo-ris</c>, a RIS integration using client credentials (secret from
/// Demo:IntegrationClientSecret, else generated and printed once), and <c>demo-workstation</c>, a public client for
/// reporting workstations and scripts using authorization code + PKCE with loopback redirect URIs (RFC 8252).
/// </summary>
internal sealed class DemoClients(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoClients> logger)
{
    public const string Ris = "demo-ris";
    public const string Workstation = "demo-workstation";

    /// <summary>Application property limiting an integration client to some trusts (ODS codes, comma-separated).</summary>
    public const string TrustsProperty = "trusts";

    public static IReadOnlyList<string> WorkstationRedirects { get; } = ["http://127.0.0.1/callback", "http://[::1]/callback"];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(Ris, cancellationToken) is null)
        {
            var configured = configuration["Demo:IntegrationClientSecret"];
            var secret = string.IsNullOrWhiteSpace(configured) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(24)) : configured;
            await applications.CreateAsync(
                IntegrationClient(Ris, "Demo RIS (all trusts)", secret,
                [WorklistScopes.Ingest, WorklistScopes.Read, WorklistScopes.ReportsRead], trusts: null), cancellationToken);
            if (string.IsNullOrWhiteSpace(configured))
            {
                // The console, never the log: it is a secret.
                Console.WriteLine($"Integration client {Ris}: secret (shown only this once): {secret}");
                logger.LogWarning(
                    "Integration client {Client} created with a generated secret, printed on the console once; set " +
                        "Demo:IntegrationClientSecret to choose it", Ris);
            }
        }

        if (await applications.FindByClientIdAsync(Workstation, cancellationToken) is null)
        {
            var workstation = new OpenIddictApplicationDescriptor
            {
                ClientId = Workstation,
                ClientType = ClientTypes.Public,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = "Reporting workstation",
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Roles,
                    Permissions.Prefixes.Scope + WorklistScopes.Read,
                    Permissions.Prefixes.Scope + WorklistScopes.Claim,
                    Permissions.Prefixes.Scope + WorklistScopes.ReportsRead,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var redirect in WorkstationRedirects)
            {
                workstation.RedirectUris.Add(new Uri(redirect));
                workstation.PostLogoutRedirectUris.Add(new Uri(redirect));
            }

            await applications.CreateAsync(workstation, cancellationToken);
        }
    }

    /// <summary>A confidential client for a RIS or PACS: client credentials only, with the scopes it is allowed.</summary>
    public static OpenIddictApplicationDescriptor IntegrationClient(string clientId, string displayName, string secret,
        IEnumerable<string> scopes, string? trusts)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        if (!string.IsNullOrWhiteSpace(trusts))
        {
            descriptor.Properties[TrustsProperty] = System.Text.Json.JsonSerializer.SerializeToElement(trusts);
        }

        return descriptor;
    }
}
