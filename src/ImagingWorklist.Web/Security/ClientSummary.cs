namespace ImagingWorklist.Web.Security;

internal sealed record ClientSummary(string ClientId, string DisplayName, bool Confidential, IReadOnlyList<string> Scopes,
    IReadOnlyList<string> GrantTypes, string? Trusts);
