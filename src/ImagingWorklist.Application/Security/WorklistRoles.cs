using System.Security.Claims;

namespace ImagingWorklist.Application.Security;

/// <summary>
/// The roles of DOMAIN.md; registrars and reporting radiographers are radiologist-side, limited by their reporter
/// record. Role groups are named here once; the Web turns each into an authorization policy.
/// </summary>
public static class WorklistRoles
{
    public const string Radiologist = nameof(Radiologist);
    public const string Manager = nameof(Manager);
    public const string RotaCoordinator = nameof(RotaCoordinator);
    public const string Admin = nameof(Admin);

    /// <summary>Asks for de-identified research extracts; sees no patient-identifiable page.</summary>
    public const string Researcher = nameof(Researcher);

    /// <summary>Decides data access requests and keeps the opt-out list; sees no patient-identifiable page for that.</summary>
    public const string DataGuardian = nameof(DataGuardian);

    public static IReadOnlyList<string> All { get; } = [Radiologist, Manager, RotaCoordinator, Admin, Researcher, DataGuardian];

    /// <summary>The roles that work with patients' data: every role but the research ones.</summary>
    public static IReadOnlyList<string> Clinical { get; } = [Radiologist, Manager, RotaCoordinator, Admin];

    /// <summary>Those who may ask for a research extract.</summary>
    public static IReadOnlyList<string> ResearchRequesters { get; } = [Researcher, Manager];

    /// <summary>Those who decide data access requests and keep the opt-out list.</summary>
    public static IReadOnlyList<string> DataGuardians { get; } = [DataGuardian, Admin];

    /// <summary>Everyone with a part in research: requesters and guardians.</summary>
    public static IReadOnlyList<string> Research { get; } = [Researcher, Manager, DataGuardian, Admin];

    /// <summary>Those who oversee the network rather than report: dashboards, everyone's activity and rota, CSV feeds.</summary>
    public static IReadOnlyList<string> Oversight { get; } = [Manager, RotaCoordinator, Admin];

    /// <summary>Those who see how AI algorithms do against the radiologists (administrators also register them).</summary>
    public static IReadOnlyList<string> AiOversight { get; } = [Manager, Admin];

    /// <summary>Those who may change the rota.</summary>
    public static IReadOnlyList<string> RotaEditors { get; } = [RotaCoordinator, Admin];

    /// <summary>Those who may act on an exam held by someone else (reassign, release, hold).</summary>
    public static IReadOnlyList<string> ExamManagers { get; } = [Manager, Admin];

    /// <summary>
    /// An account's role in words. "Reporter" rather than "Radiologist": the role is held by consultants, registrars and
    /// reporting radiographers alike, and a radiographer is not a radiologist.
    /// </summary>
    public static string Label(string role) => role switch
    {
        Radiologist => "Reporter",
        RotaCoordinator => "Rota coordinator",
        Admin => "Administrator",
        DataGuardian => "Data guardian",
        _ => role,
    };

    public static bool Oversees(this ClaimsPrincipal user) => InAny(user, Oversight);

    public static bool InAny(this ClaimsPrincipal user, IEnumerable<string> roles) => roles.Any(user.IsInRole);

    /// <summary>A researcher or data guardian with no clinical role: kept away from every patient-identifiable page and API.</summary>
    public static bool ResearchOnly(this ClaimsPrincipal user) => !InAny(user, Clinical) && InAny(user, [Researcher, DataGuardian]);
}
