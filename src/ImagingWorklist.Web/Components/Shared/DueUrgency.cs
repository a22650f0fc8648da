namespace ImagingWorklist.Web.Components.Shared;

public enum DueUrgency
{
    Comfortable,
    Soon,
    Overdue,
}
