namespace ImagingWorklist.Simulation;

public sealed record StandardScenarioOptions
{
    /// <summary>The scenario's own seed: network, rota and starting backlog (replications vary only the work).</summary>
    public int Seed { get; init; } = 2023_08_09;

    public int Days { get; init; } = 7;

    public int Trusts { get; init; } = 6;

    /// <summary>Mean new exams a day across the week (weekdays busier than weekends).</summary>
    public double ExamsPerDay { get; init; } = 2400;

    public int Consultants { get; init; } = 60;

    public int Registrars { get; init; } = 14;

    public int Radiographers { get; init; } = 14;

    /// <summary>Open exams at the start, aged over the previous weeks as a network's backlog is.</summary>
    public int BacklogExams { get; init; } = 3000;
}
