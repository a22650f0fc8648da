using System.Security.Cryptography;
using ImagingWorklist.Application.Demo;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// One account per role for the demo network. The password comes from Demo:UserPassword; without it one is generated and
/// printed once, at the start that creates the accounts. The two radiologists are consultants on duty at that moment,
/// so both have work to claim straight away.
/// </summary>
internal sealed class DemoUsers(IServiceScopeFactory scopes, DemoPeople people, IConfiguration configuration, ILogger<DemoUsers> logger)
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
        ("researcher", WorklistRoles.Researcher, "a researcher asking for de-identified extracts"),
        ("guardian", WorklistRoles.DataGuardian, "the network's data guardian (decides research requests)"),
    ];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorklistUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        // Every role exists, also in a database made before a role was added, so an administrator can grant it.
        foreach (var role in WorklistRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (await people.AccountsExistAsync(cancellationToken))
        {
            Console.WriteLine(
                $"Demo users: {string.Join(", ", Accounts.Select(a => a.UserName))} (password as printed at the first start, or " +
                    $"Demo:UserPassword).");
            return;
        }

        var configured = configuration["Demo:UserPassword"];
        var password = string.IsNullOrWhiteSpace(configured) ? Generate() : configured;
        var reporters = await people.PickAsync(cancellationToken);
        foreach (var (userName, role, _) in Accounts)
        {
            var reporter = reporters.GetValueOrDefault(userName);
            var user =
                new WorklistUser { UserName = userName, DisplayName = reporter?.DisplayName ?? Capitalised(userName),
                ReporterId = reporter?.Id };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create demo user {userName}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            // Printed to the console, never to the logs: it is a secret.
            Console.WriteLine(
                $"Demo users: {string.Join(", ", Accounts.Select(a => a.UserName))}. Password (shown only this once): {password}");
            logger.LogWarning(
                "Demo users created with a generated password, printed on the console once; set Demo:UserPassword to choose your own");
        }
        else
        {
            logger.LogInformation("Demo users created ({Users}) with the password from Demo:UserPassword",
                string.Join(", ", Accounts.Select(a => a.UserName)));
        }
    }

    private static string Generate() => "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
