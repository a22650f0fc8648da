namespace ImagingWorklist.Web.Realtime;

/// <summary>What a client of /hubs/worklist receives: one <c>WorklistChanged</c> message per committed change.</summary>
public interface IWorklistClient
{
    Task WorklistChanged(WorklistChangedMessage change);
}
