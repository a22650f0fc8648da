namespace ImagingWorklist.Domain.Network;

/// <summary>A regional imaging network: several trusts sharing one pool of unreported exams.</summary>
public sealed class ImagingNetwork
{
    public const int NameMaxLength = 200;

    private ImagingNetwork()
    {
        Name = string.Empty;
    }

    public ImagingNetwork(Guid id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }
}
