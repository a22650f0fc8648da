using System.Security.Claims;
using ImagingWorklist.Application.Security;

namespace ImagingWorklist.Application.Tests.Security;

public class WorklistRolesTests
{
    [Theory]
    [InlineData(WorklistRoles.Manager, true)]
    [InlineData(WorklistRoles.RotaCoordinator, true)]
    [InlineData(WorklistRoles.Admin, true)]
    [InlineData(WorklistRoles.Radiologist, false)]
    public void OversightIsManagersCoordinatorsAndAdministrators(string role, bool oversees)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        Assert.Equal(oversees, user.Oversees());
    }

    [Fact]
    public void EveryGroupIsMadeOfKnownRoles()
    {
        Assert.Subset(WorklistRoles.All.ToHashSet(), WorklistRoles.Oversight.Concat(WorklistRoles.RotaEditors)
            .Concat(WorklistRoles.ExamManagers).ToHashSet());
        Assert.DoesNotContain(WorklistRoles.Radiologist, WorklistRoles.Oversight);
    }
}
