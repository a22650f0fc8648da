using ImagingWorklist.Application.Worklist;

namespace ImagingWorklist.Web.Features.Worklist;

/// <summary>Maps the grid's column titles and property names to the sorts the query performs in the database.</summary>
internal static class WorklistSorts
{
    public static WorklistSort FromColumn(string? column) => column switch
    {
        "Priority" => WorklistSort.Priority,
        "Due" or "DueAt" => WorklistSort.DueAt,
        "Site" or "SiteName" => WorklistSort.Site,
        "Modality" => WorklistSort.Modality,
        "Procedure" or "ProcedureDescription" => WorklistSort.Procedure,
        "Patient" or "PatientAgeYears" => WorklistSort.PatientAge,
        "Pathway" => WorklistSort.Pathway,
        _ => WorklistSort.Priority,
    };
}
