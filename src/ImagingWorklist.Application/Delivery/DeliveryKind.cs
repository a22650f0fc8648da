namespace ImagingWorklist.Application.Delivery;

/// <summary>What is delivered: preliminary, final (signed or verified), or an addendum to a final report.</summary>
public enum DeliveryKind
{
    Preliminary,
    Final,
    Addendum,
}
