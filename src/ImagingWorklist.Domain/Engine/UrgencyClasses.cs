using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Engine;

public static class UrgencyClasses
{
    public static UrgencyClass Base(ClinicalPriority priority, Pathway pathway) => (priority, pathway) switch
    {
        (ClinicalPriority.Stat, _) or (_, Pathway.Emergency) => UrgencyClass.Emergency,
        (ClinicalPriority.Asap, _) => UrgencyClass.High,
        (ClinicalPriority.Urgent, _) or (_, Pathway.UrgentSuspectedCancer) or (_, Pathway.Inpatient) => UrgencyClass.Urgent,
        _ => UrgencyClass.Routine,
    };

    /// <summary>One class up; nothing is promoted into a fast lane, which only its own reasons enter.</summary>
    public static UrgencyClass Promote(this UrgencyClass urgency) => urgency <= UrgencyClass.Emergency ? urgency : urgency - 1;

    /// <summary>Emergency or fast-lane work: offered at once, whatever its reader already holds.</summary>
    public static bool IsEmergency(this UrgencyClass urgency) => urgency <= UrgencyClass.Emergency;

    public static UrgencyClass AtLeast(this UrgencyClass urgency, UrgencyClass floor) => urgency < floor ? urgency : floor;

    /// <summary>Weight of one on-time completion in push assignment: an order of magnitude per class.</summary>
    public static int Weight(this UrgencyClass urgency) => urgency switch
    {
        UrgencyClass.Hyperacute => 10000,
        UrgencyClass.Emergency => 1000,
        UrgencyClass.High => 100,
        UrgencyClass.Urgent => 10,
        _ => 1,
    };

    public static string Label(this UrgencyClass urgency) => urgency switch
    {
        UrgencyClass.Hyperacute => "fast-lane",
        UrgencyClass.Emergency => "emergency",
        UrgencyClass.High => "high",
        UrgencyClass.Urgent => "urgent",
        _ => "routine",
    };
}
