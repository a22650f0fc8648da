using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Admin;

/// <summary>
/// Accounts and roles for administrators. Every change is audited; a role, lock or password change bumps the user's
/// security stamp, so their open pages lose access within minutes (see RevalidatingUserState) and their tokens cannot
/// be refreshed.
/// </summary>
public sealed class UserAdministration(UserManager<WorklistUser> users, IDbContextFactory<WorklistDbContext> contexts, AuditTrail audit,
    ChangeAnnouncer announce, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var reporters = await db.Reporters.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.DisplayName, cancellationToken);
        var now = clock.GetUtcNow();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. all.Select(u => new UserSummary(
            u.Id,
            u.UserName!,
            u.DisplayName,
            [.. byUser[u.Id].Order()],
            u.ReporterId,
            u.ReporterId is { } r ? reporters.GetValueOrDefault(r) : null,
            u.TrustScope,
            u.LockoutEnd is { } end && end > now,
            u.LockoutEnd))];
    }

    public async Task<Outcome<string>> CreateAsync(NewUser request, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!WorklistRoles.All.Contains(request.Role))
        {
            return Outcome<string>.Rejected($"'{request.Role}' is not a role; choose one of {string.Join(", ", WorklistRoles.All)}.");
        }

        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrWhiteSpace(request.DisplayName))
        {
            return Outcome<string>.Rejected("A user name and a display name are both needed.");
        }

        if (request.Role == WorklistRoles.Radiologist && request.ReporterId is null)
        {
            return Outcome<string>.Rejected(
                "A radiologist-side account must be linked to its reporter record (skills and credentials come from there).");
        }

        if (request.ReporterId is { } reporterId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Reporters.AnyAsync(r => r.Id == reporterId, cancellationToken))
            {
                return Outcome<string>.Rejected("That reporter record does not exist.");
            }

            if (await db.Users.AnyAsync(u => u.ReporterId == reporterId, cancellationToken))
            {
                return Outcome<string>.Rejected("That reporter already has an account.");
            }
        }

        var user = new WorklistUser
        {
            UserName = request.UserName.Trim(),
            DisplayName = request.DisplayName.Trim(),
            ReporterId = request.ReporterId,
            TrustScope = string.IsNullOrWhiteSpace(request.TrustScope) ? null : request.TrustScope.Trim().ToUpperInvariant(),
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return Outcome<string>.Rejected(Describe(created));
        }

        var role = await users.AddToRoleAsync(user, request.Role);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(user);
            return Outcome<string>.Rejected(Describe(role));
        }

        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name, $"Created account {user.UserName} ({request.Role})",
            actor.Source, cancellationToken);
        return Outcome<string>.Accepted(user.Id);
    }

    public async Task<Outcome> SetRoleAsync(string userId, string role, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!WorklistRoles.All.Contains(role))
        {
            return Outcome.Rejected($"'{role}' is not a role.");
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Outcome.Rejected("That account no longer exists; reload the page.");
        }

        if (role == WorklistRoles.Radiologist && user.ReporterId is null)
        {
            return Outcome.Rejected("Only an account linked to a reporter record can be a radiologist-side account.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(WorklistRoles.Admin) && role != WorklistRoles.Admin && await IsLastAdminAsync(user))
        {
            return Outcome.Rejected("This is the last administrator; make another account an administrator first.");
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        if (!added.Succeeded)
        {
            return Outcome.Rejected(Describe(added));
        }

        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name,
            $"Changed {user.UserName}'s role from {string.Join("/", current)} to {role}", actor.Source, cancellationToken);
        return Outcome.Accepted;
    }

    public async Task<Outcome> SetLockedAsync(string userId, bool locked, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Outcome.Rejected("That account no longer exists; reload the page.");
        }

        if (locked && user.UserName == actor.Name)
        {
            return Outcome.Rejected("You cannot lock your own account.");
        }

        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return Outcome.Rejected(Describe(result));
        }

        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name,
            $"{(locked ? "Locked" : "Unlocked")} account {user.UserName}", actor.Source, cancellationToken);
        if (user.ReporterId is { } reporter)
        {
            await announce.ReporterAsync(reporter, cancellationToken);
        }

        return Outcome.Accepted;
    }

    public async Task<Outcome> ResetPasswordAsync(string userId, string newPassword, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Outcome.Rejected("That account no longer exists; reload the page.");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return Outcome.Rejected(Describe(result));
        }

        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name, $"Reset the password of {user.UserName}", actor.Source,
            cancellationToken);
        return Outcome.Accepted;
    }

    public async Task<Outcome> SetTrustScopeAsync(string userId, string? trustScope, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Outcome.Rejected("That account no longer exists; reload the page.");
        }

        var codes = AccessScope.ParseTrustCodes(trustScope);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var known = (await db.Trusts.AsNoTracking().Select(t => t.OdsCode).ToListAsync(cancellationToken)).Select(c => c.Value)
                .ToHashSet();
            if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            {
                return Outcome.Rejected($"'{unknown}' is not the ODS code of a trust in this network.");
            }
        }

        user.TrustScope = codes.Count == 0 ? null : string.Join(',', codes);
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return Outcome.Rejected(Describe(result));
        }

        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name,
            $"Limited {user.UserName} to {(codes.Count == 0 ? "the whole network" : string.Join(", ", codes))}", actor.Source,
            cancellationToken);
        return Outcome.Accepted;
    }

    private async Task<bool> IsLastAdminAsync(WorklistUser user) =>
        (await users.GetUsersInRoleAsync(WorklistRoles.Admin)).All(u => u.Id == user.Id);

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
