using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// A real deployment starts with no accounts. With Bootstrap:AdminUserName and Bootstrap:AdminPassword set, the first
/// start creates that administrator, who then creates everyone else on the Admin page; once any administrator exists
/// the settings are ignored (remove them).
/// </summary>
internal sealed class BootstrapAdmin(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<BootstrapAdmin> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorklistUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in WorklistRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if ((await users.GetUsersInRoleAsync(WorklistRoles.Admin)).Count > 0)
        {
            return;
        }

        var admin = new WorklistUser { UserName = userName.Trim(), DisplayName = "Administrator" };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the bootstrap administrator {userName}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(admin, WorklistRoles.Admin);
        await scope.ServiceProvider.GetRequiredService<AuditTrail>()
            .RecordAsync(AuditAction.ConfigurationChanged, "system", $"Created the bootstrap administrator {admin.UserName}",
            cancellationToken: cancellationToken);
        logger.LogWarning("Created the bootstrap administrator {UserName}; remove Bootstrap:AdminPassword from the configuration now",
            admin.UserName);
    }
}
