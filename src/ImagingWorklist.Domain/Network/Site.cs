using ImagingWorklist.Domain.Identifiers;

namespace ImagingWorklist.Domain.Network;

/// <summary>A hospital or community diagnostic centre of a trust, with the PACS viewer its images open in.</summary>
public sealed class Site
{
    public const int NameMaxLength = 200;
    public const int ViewerUrlTemplateMaxLength = 1000;

    private Site()
    {
        OdsCode = null!;
        Name = string.Empty;
        ViewerUrlTemplate = string.Empty;
    }

    public Site(Guid id, Guid trustId, OdsCode odsCode, string name, string viewerUrlTemplate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        TrustId = trustId;
        OdsCode = odsCode;
        Name = name;
        ViewerUrlTemplate = viewerUrlTemplate;
    }

    public Guid Id { get; private set; }

    public Guid TrustId { get; private set; }

    public OdsCode OdsCode { get; private set; }

    public string Name { get; private set; }

    /// <summary>URL with {StudyInstanceUid} and {AccessionNumber} placeholders.</summary>
    public string ViewerUrlTemplate { get; private set; }

    public string ViewerUrl(Identifiers.StudyInstanceUid study, AccessionNumber accession) =>
        ViewerUrlTemplate
            .Replace("{StudyInstanceUid}", Uri.EscapeDataString(study.Value), StringComparison.Ordinal)
            .Replace("{AccessionNumber}", Uri.EscapeDataString(accession.Value), StringComparison.Ordinal);
}
