using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Web.Features.Worklist;

namespace ImagingWorklist.Web.Tests.Worklist;

public class WorklistSortsTests
{
    [Theory]
    [InlineData("Due", WorklistSort.DueAt)]
    [InlineData("SiteName", WorklistSort.Site)]
    [InlineData("ProcedureDescription", WorklistSort.Procedure)]
    [InlineData("Patient", WorklistSort.PatientAge)]
    [InlineData("Modality", WorklistSort.Modality)]
    [InlineData("Pathway", WorklistSort.Pathway)]
    [InlineData(null, WorklistSort.Priority)]
    [InlineData("Unknown column", WorklistSort.Priority)]
    public void EverySortableColumnMapsToADatabaseSort(string? column, WorklistSort sort)
    {
        Assert.Equal(sort, WorklistSorts.FromColumn(column));
    }
}
