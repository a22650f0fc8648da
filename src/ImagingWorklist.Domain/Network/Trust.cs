using ImagingWorklist.Domain.Identifiers;

namespace ImagingWorklist.Domain.Network;

/// <summary>An NHS trust: the organisation that orders exams and owns its patients' data.</summary>
public sealed class Trust
{
    public const int NameMaxLength = 200;

    private Trust()
    {
        OdsCode = null!;
        Name = string.Empty;
    }

    public Trust(Guid id, Guid networkId, OdsCode odsCode, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        NetworkId = networkId;
        OdsCode = odsCode;
        Name = name;
    }

    public Guid Id { get; private set; }

    public Guid NetworkId { get; private set; }

    public OdsCode OdsCode { get; private set; }

    public string Name { get; private set; }
}
