using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ImagingWorklist.Web.Features.Research;

/// <summary>
/// A FHIR Bulk Data client for one approved request, issued to its requester: client credentials limited to the
/// request's own scope (registered here), so its tokens reach that request's extracts and nothing else. Issuing again
/// replaces the secret; the secret is shown once.
/// </summary>
internal sealed class ResearchClients(IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes,
    DataAccessRequests requests, AuditTrail audit)
{
    public static string ClientId(Guid requestId) => $"research-{requestId:N}";

    public async Task<Outcome<(string ClientId, string Secret)>> IssueAsync(Guid requestId, ResearchCaller caller,
        CancellationToken cancellationToken = default)
    {
        var request = await requests.GetAsync(requestId, caller, cancellationToken);
        if (request is null || request.RequestedBy != caller.Actor.Name)
        {
            return Outcome<(string, string)>.Rejected("Only the requester of an approved request can have its Bulk Data client.");
        }

        if (!request.MayRun)
        {
            return Outcome<(string, string)>.Rejected(
                $"This request is {(request.Expired ? "expired" : Domain.Research.DataAccessRequest.Words(request.State))}; " +
                "only an approved, unexpired request has a Bulk Data client.");
        }

        var scope = WorklistScopes.Research(requestId);
        if (await scopes.FindByNameAsync(scope, cancellationToken) is null)
        {
            await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = scope, DisplayName = $"Bulk Data for '{request.Title}'" },
                cancellationToken);
        }

        var clientId = ClientId(requestId);
        var secret = ClientAdministration.NewSecret();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            await applications.DeleteAsync(existing, cancellationToken);
        }

        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"Research: {request.Title} ({request.ApprovalReference})",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + scope },
        }, cancellationToken);
        await audit.RecordAsync(AuditAction.DataAccessRequested, caller.Actor.Name,
            $"Bulk Data client {clientId} issued for '{request.Title}' ({request.ApprovalReference})", caller.Actor.Source,
            cancellationToken: cancellationToken);
        return Outcome<(string, string)>.Accepted((clientId, secret));
    }
}
