using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// Integration clients (RIS, PACS) for administrators: create one with its scopes and trusts and see its secret once;
/// issue a new secret; remove it. Secrets are stored hashed by OpenIddict and can never be shown again.
/// </summary>
internal sealed partial class ClientAdministration(IOpenIddictApplicationManager applications, AuditTrail audit)
{
    public async Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var clients = new List<ClientSummary>();
        await foreach (var application in applications.ListAsync(cancellationToken: cancellationToken))
        {
            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            clients.Add(new ClientSummary(
                (await applications.GetClientIdAsync(application, cancellationToken))!,
                await applications.GetDisplayNameAsync(application, cancellationToken) ?? string.Empty,
                await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken),
                [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.Scope.Length..])],
                [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.GrantType, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.GrantType.Length..])],
                properties.TryGetValue(DemoClients.TrustsProperty, out var trusts) ? trusts.GetString() : null));
        }

        return [.. clients.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    /// <summary>Creates a client-credentials client; the secret in the answer is the only time it is shown.</summary>
    public async Task<Outcome<string>> CreateAsync(string clientId, string displayName, IReadOnlyCollection<string> scopes, string? trusts,
        Actor actor, CancellationToken cancellationToken = default)
    {
        clientId = clientId.Trim();
        if (!ClientIdPattern().IsMatch(clientId))
        {
            return Outcome<string>.Rejected("A client id is 3 to 64 lower-case letters, digits and hyphens, e.g. 'north-ris'.");
        }

        if (scopes.Count == 0 || scopes.Any(s => !WorklistScopes.All.Contains(s) || s == WorklistScopes.Claim))
        {
            return Outcome<string>.Rejected(
                $"Choose at least one of {WorklistScopes.Ingest}, {WorklistScopes.Read}, {WorklistScopes.ReportsRead}; claiming is for " +
                    $"people, through a workstation.");
        }

        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            return Outcome<string>.Rejected($"There is already a client '{clientId}'.");
        }

        var secret = NewSecret();
        var name = string.IsNullOrWhiteSpace(displayName) ? clientId : displayName.Trim();
        await applications.CreateAsync(DemoClients.IntegrationClient(clientId, name, secret, scopes, trusts), cancellationToken);
        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name,
            $"Created integration client {clientId} ({string.Join(" ", scopes)}" +
                $"{(string.IsNullOrWhiteSpace(trusts) ? "" : $"; trusts {trusts}")})", actor.Source, cancellationToken);
        return Outcome<string>.Accepted(secret);
    }

    public async Task<Outcome<string>> NewSecretAsync(string clientId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application
            || !await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken))
        {
            return Outcome<string>.Rejected("Only an existing confidential client has a secret.");
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var secret = NewSecret();
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name,
            $"Issued a new secret for integration client {clientId}; the old one no longer works", actor.Source, cancellationToken);
        return Outcome<string>.Accepted(secret);
    }

    public async Task<Outcome> RemoveAsync(string clientId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (clientId is DemoClients.Workstation)
        {
            return Outcome.Rejected("The workstation client is how people's tools sign in; it cannot be removed here.");
        }

        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return Outcome.Rejected("That client no longer exists; reload the page.");
        }

        await applications.DeleteAsync(application, cancellationToken);
        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name, $"Removed integration client {clientId}", actor.Source,
            cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>A client secret: 32 random bytes, base64url.</summary>
    internal static string NewSecret()
        => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}
