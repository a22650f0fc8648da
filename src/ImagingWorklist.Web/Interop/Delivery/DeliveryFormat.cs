namespace ImagingWorklist.Web.Interop.Delivery;

public enum DeliveryFormat
{
    Hl7v2,
    Fhir,
}
