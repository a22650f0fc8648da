namespace ImagingWorklist.Application.Dashboards;

/// <summary>A number on the backlog table that can be opened to its exams.</summary>
public enum BacklogMeasure
{
    Open,
    Under24Hours,
    OneToThreeDays,
    ThreeToSevenDays,
    OneToTwoWeeks,
    TwoToFourWeeks,
    OverFourWeeks,
    Unassigned,
    AtRisk4Hours,
    AtRisk24Hours,
    AtRisk72Hours,
    Breached,
}
