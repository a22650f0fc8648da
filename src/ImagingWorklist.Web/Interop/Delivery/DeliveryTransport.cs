namespace ImagingWorklist.Web.Interop.Delivery;

public enum DeliveryTransport
{
    Mllp,
    Http,
}
