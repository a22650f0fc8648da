namespace ImagingWorklist.Application.Demo;

public sealed record DemoNetworkOptions
{
    public int RandomSeed { get; init; } = 20231109;

    public int OpenExams { get; init; } = 3000;

    public int HistoryDays { get; init; } = 21;

    public int ReportedPerDay { get; init; } = 250;

    public int Reporters { get; init; } = 80;
}
