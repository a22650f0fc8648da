using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Web.Components.Shared;

namespace ImagingWorklist.Web.Tests.Shared;

/// <summary>One vocabulary: pages show words, never the code's names for things.</summary>
public class LabelsTests
{
    [Fact]
    public void EveryAuditedActionHasWordsOfItsOwn()
    {
        var labels = Enum.GetValues<AuditAction>().Select(a => (Name: a.ToString(), Label: Labels.Of(a))).ToList();

        Assert.All(labels, l => Assert.NotEqual(l.Name, l.Label));
        Assert.All(labels, l => Assert.DoesNotMatch("[a-z][A-Z]", l.Label));
        Assert.Equal(labels.Count, labels.Select(l => l.Label).Distinct().Count());
    }

    [Theory]
    [InlineData(WorklistRoles.Radiologist, "Reporter")]
    [InlineData(WorklistRoles.RotaCoordinator, "Rota coordinator")]
    [InlineData(WorklistRoles.Manager, "Manager")]
    [InlineData(WorklistRoles.Admin, "Administrator")]
    public void RolesAreNamedAsPeopleSayThem(string role, string label) => Assert.Equal(label, Labels.OfRole(role));
}
