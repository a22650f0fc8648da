using System.Collections.Immutable;
using System.Security.Claims;
using ImagingWorklist.Application.Audit;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// The OpenID Connect endpoints OpenIddict hands to the app: who the user is (authorize), what a token says (token),
/// signing out (end session) and the userinfo document. OpenIddict has already checked the request (client, redirect
/// URI, PKCE, scopes) before any of these run.
/// </summary>
internal static class ConnectEndpoints
{
    public static WebApplication MapConnectEndpoints(this WebApplication app)
    {
        // OpenIddict authenticates the client itself; these endpoints decide what the token says.
        app.MapMethods(OpenIdSetup.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous()
            .DisableAntiforgery();
        app.MapPost(OpenIdSetup.TokenPath, TokenAsync).AllowAnonymous().DisableAntiforgery();
        app.MapMethods(OpenIdSetup.EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).AllowAnonymous()
            .DisableAntiforgery();
        app.MapMethods(OpenIdSetup.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], UserInfoAsync)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<WorklistUser> users,
        SignInManager<WorklistUser> signIn, AuditTrail audit)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request could not be read.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.", OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }

            // Back here after the sign-in page, with the same parameters (prompt=login removed so it is asked only once).
            var parameters = (context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList())
                .Where(p => p.Key != Parameters.Prompt)
                .ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path
                    + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.GetUserAsync(cookie.Principal!);
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return Refuse(Errors.AccessDenied, "This account may not sign in.", OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var principal = await PersonAsync(user, users, request.GetScopes());
        await audit.RecordAsync(AuditAction.SignedIn, user.UserName!,
            $"Authorised client {request.ClientId} for {string.Join(" ", request.GetScopes())}",
            context.Connection.RemoteIpAddress?.ToString());
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, UserManager<WorklistUser> users, SignInManager<WorklistUser> signIn,
        IOpenIddictApplicationManager applications, AuditTrail audit)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request could not be read.");
        var source = context.Connection.RemoteIpAddress?.ToString();
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("The client vanished after it was authenticated.");
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId)
                .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? request.ClientId)
                .SetClaim(ClaimsPrincipalExtensions.ClientClaim, "true");
            var properties = await applications.GetPropertiesAsync(application);
            if (properties.TryGetValue(DemoClients.TrustsProperty, out var trusts))
            {
                identity.SetClaims(WorklistClaims.Trust, [.. Application.Security.AccessScope.ParseTrustCodes(trusts.GetString())]);
            }

            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            await audit.RecordAsync(AuditAction.SignedIn, request.ClientId!,
                $"Integration client token issued for {string.Join(" ", request.GetScopes())}", source);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token is valid; the account must still be allowed in, and its roles are read afresh.
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = granted.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The account is no longer allowed to sign in.",
                    OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }

            return Results.SignIn(await PersonAsync(user, users, granted.Principal!.GetScopes()), properties: null,
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "Use authorization_code (with PKCE), refresh_token or client_credentials.",
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<WorklistUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = IdentitySetup.LoginPath },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult UserInfoAsync(HttpContext context)
    {
        var user = context.User;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.GetClaim(Claims.Subject)! };
        if (user.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.GetClaim(Claims.Name) ?? string.Empty;
            claims[WorklistClaims.DisplayName] = user.GetClaim(WorklistClaims.DisplayName) ?? string.Empty;
        }

        if (user.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = user.GetClaims(Claims.Role).ToArray();
        }

        return Results.Ok(claims);
    }

    /// <summary>The token's picture of a person: subject, name, roles, reporter and trust limits, with the scopes granted.</summary>
    private static async Task<ClaimsPrincipal> PersonAsync(WorklistUser user, UserManager<WorklistUser> users,
        ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.UserName)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.AddClaims(WorklistClaims.For(user));
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or WorklistClaims.DisplayName when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken,
                Destinations.IdentityToken],
            Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static IResult Refuse(string error, string description, string scheme) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [scheme]);
}
