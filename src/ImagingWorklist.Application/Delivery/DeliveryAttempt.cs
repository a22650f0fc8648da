namespace ImagingWorklist.Application.Delivery;

/// <summary>How one attempt went: delivered, or why not (in words an administrator can act on).</summary>
public sealed record DeliveryAttempt(bool Delivered, string? Endpoint, string? Response, string? Error)
{
    public static DeliveryAttempt Success(string endpoint, string response) => new(true, endpoint, response, null);

    public static DeliveryAttempt Failure(string? endpoint, string error, string? response = null) => new(false, endpoint, response, error);
}
