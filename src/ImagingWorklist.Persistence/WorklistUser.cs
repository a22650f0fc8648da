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

/// <summary>The roles of DOMAIN.md; registrars and reporting radiographers are radiologist-side, limited by their reporter record.</summary>
public static class WorklistRoles
{
    public const string Radiologist = nameof(Radiologist);
    public const string Manager = nameof(Manager);
    public const string RotaCoordinator = nameof(RotaCoordinator);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Radiologist, Manager, RotaCoordinator, Admin];
}
