using System.Security.Cryptography;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// One account per role for the demo network. The password comes from Demo:UserPassword; without it one is generated and
/// printed once, at the start that creates the accounts. The two radiologists are consultants on duty at that moment,
/// so both have work to claim straight away.
/// </summary>
internal sealed class DemoUsers(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DemoUsers> logger)
{
    public static readonly IReadOnlyList<(string UserName, string Role, string Describes)> Accounts =
    [
        ("radiologist", WorklistRoles.Radiologist, "a consultant radiologist on duty"),
        ("radiologist2", WorklistRoles.Radiologist, "a second consultant on duty"),
        ("registrar", WorklistRoles.Radiologist, "a registrar (reports need verification)"),
        ("radiographer", WorklistRoles.Radiologist, "a reporting radiographer (plain film scope)"),
        ("manager", WorklistRoles.Manager, "a network imaging manager"),
        ("coordinator", WorklistRoles.RotaCoordinator, "a rota coordinator"),
        ("admin", WorklistRoles.Admin, "an administrator"),
    ];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorklistUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            Console.WriteLine($"Demo users: {string.Join(", ", Accounts.Select(a => a.UserName))} (password as printed at the first start, or Demo:UserPassword).");
            return;
        }

        foreach (var role in WorklistRoles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var configured = configuration["Demo:UserPassword"];
        var password = string.IsNullOrWhiteSpace(configured) ? Generate() : configured;
        var reporters = await PickReportersAsync(scope.ServiceProvider, cancellationToken);
        foreach (var (userName, role, _) in Accounts)
        {
            var reporter = reporters.GetValueOrDefault(userName);
            var user = new WorklistUser { UserName = userName, DisplayName = reporter?.DisplayName ?? Capitalised(userName), ReporterId = reporter?.Id };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo user {userName}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            // Printed to the console, never to the logs: it is a secret.
            Console.WriteLine($"Demo users: {string.Join(", ", Accounts.Select(a => a.UserName))}. Password (shown only this once): {password}");
            logger.LogWarning("Demo users created with a generated password, printed on the console once; set Demo:UserPassword to choose your own");
        }
        else
        {
            logger.LogInformation("Demo users created ({Users}) with the password from Demo:UserPassword", string.Join(", ", Accounts.Select(a => a.UserName)));
        }
    }

    private async Task<Dictionary<string, Reporter>> PickReportersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var db = services.GetRequiredService<WorklistDbContext>();
        // On duty now, and for as long as possible: the demo should not lose its radiologists at the next shift change.
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.Start <= now && s.End > now).ToListAsync(cancellationToken);
        var dutyEnds = shifts.GroupBy(s => s.ReporterId).ToDictionary(g => g.Key, g => g.Max(s => s.End));
        var onDuty = dutyEnds.Keys.ToHashSet();
        var reporters = await db.Reporters.AsNoTracking().OrderBy(r => r.RegistrationNumber).ToListAsync(cancellationToken);
        var credentials = (await db.Credentials.AsNoTracking().ToListAsync(cancellationToken)).Where(c => c.IsValidAt(now)).ToLookup(c => c.ReporterId);
        var consultants = reporters
            .Where(r => r.Role == ProfessionalRole.ConsultantRadiologist && !r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal))
            .OrderByDescending(r => dutyEnds.GetValueOrDefault(r.Id))
            .ThenByDescending(r => credentials[r.Id].Count())
            .ToList();
        var picked = new Dictionary<string, Reporter>();
        if (consultants.Count > 1)
        {
            // The second radiologist shares as many trusts as possible with the first, so the two see common work.
            var first = consultants[0];
            var trusts = credentials[first.Id].Select(c => c.TrustId).ToHashSet();
            picked["radiologist"] = first;
            picked["radiologist2"] = consultants.Skip(1)
                .OrderByDescending(r => dutyEnds.GetValueOrDefault(r.Id) >= dutyEnds.GetValueOrDefault(first.Id))
                .ThenByDescending(r => onDuty.Contains(r.Id))
                .ThenByDescending(r => credentials[r.Id].Count(c => trusts.Contains(c.TrustId)))
                .First();
        }

        // The registrar is on duty too and shares trusts with the radiologists, so the demo can show verification.
        var shared = picked.TryGetValue("radiologist", out var lead) ? credentials[lead.Id].Select(c => c.TrustId).ToHashSet() : [];
        if (reporters.Where(r => r.Role == ProfessionalRole.Registrar)
                .OrderByDescending(r => onDuty.Contains(r.Id))
                .ThenByDescending(r => credentials[r.Id].Count(c => shared.Contains(c.TrustId)))
                .FirstOrDefault() is { } registrar)
        {
            picked["registrar"] = registrar;
        }

        if (reporters.FirstOrDefault(r => r.Role == ProfessionalRole.ReportingRadiographer) is { } radiographer)
        {
            picked["radiographer"] = radiographer;
        }

        return picked;
    }

    private static string Generate() => "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
