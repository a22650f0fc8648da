namespace ImagingWorklist.Domain.Interop;

public enum DeliveryStatus
{
    /// <summary>Not yet delivered: waiting for its next attempt (or for an endpoint to be configured).</summary>
    Pending,

    /// <summary>The trust's system accepted it (HL7 AA/CA, or an HTTP 2xx).</summary>
    Delivered,
}
