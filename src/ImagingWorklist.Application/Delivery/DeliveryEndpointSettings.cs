namespace ImagingWorklist.Application.Delivery;

/// <summary><c>Delivery:Endpoints:&lt;ODS code&gt;</c> as written in the configuration.</summary>
public sealed record DeliveryEndpointSettings
{
    public string? Transport { get; init; }

    public string? Address { get; init; }

    public string? Format { get; init; }
}
