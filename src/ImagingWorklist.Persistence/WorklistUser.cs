using Microsoft.AspNetCore.Identity;

namespace ImagingWorklist.Persistence;

/// <summary>A person who signs in. A reporter's account points at their reporter record; managers and coordinators need none.</summary>
public sealed class WorklistUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;

    public string DisplayName { get; set; } = string.Empty;

    public Guid? ReporterId { get; set; }

    /// <summary>
    /// For managers and coordinators limited to some trusts: their ODS codes, comma-separated. Empty means the whole
    /// network. Reporters are limited by their credentials instead.
    /// </summary>
    public string? TrustScope { get; set; }

    public const int TrustScopeMaxLength = 400;
}
