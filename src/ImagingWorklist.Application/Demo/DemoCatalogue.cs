using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Demo;

/// <summary>
/// Demo report templates (the procedure catalogue itself is <see cref="ProcedureCatalogue.Standard"/>).
/// </summary>
internal static class DemoCatalogue
{
    /// <summary>A few report templates for the demo: some per procedure, and one per common modality as the fallback.</summary>
    public static IReadOnlyList<ReportTemplate> ReportTemplates() =>
    [
        Template("CT head", Modality.CT, "CHEAD",
            "Clinical details: \n\nTechnique: Non-contrast CT head.\n\nFindings:\nNo intracranial haemorrhage, mass effect or midline " +
                "shift. Grey-white matter differentiation preserved. Ventricles and sulci normal for age. No skull vault " +
                    "fracture.\n\nConclusion:\n"),
        Template("Chest radiograph", Modality.DX, "XCHES",
            "Findings:\nHeart size normal. Lungs clear. No pleural effusion or pneumothorax. Mediastinal contour normal.\n\nConclusion:\n"),
        Template("CT (any)", Modality.CT, null, "Clinical details: \n\nTechnique: \n\nFindings:\n\nConclusion:\n"),
        Template("MR (any)", Modality.MR, null, "Clinical details: \n\nTechnique: \n\nFindings:\n\nConclusion:\n"),
        Template("Radiograph (any)", Modality.DX, null, "Findings:\n\nConclusion:\n"),
    ];

    private static ReportTemplate Template(string name, Modality modality, string? procedureCode, string text) =>
        ReportTemplate.Create(Guid.NewGuid(), name, modality, procedureCode, text).ValueOrThrow();
}
