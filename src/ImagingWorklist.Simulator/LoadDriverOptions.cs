using System.Net;

namespace ImagingWorklist.Simulator;

public sealed record LoadDriverOptions(
    IPEndPoint Mllp,
    Uri Url,
    IReadOnlyList<string> Users,
    string Password,
    IReadOnlyList<string> Trusts)
{
    /// <summary>Simulated seconds per real second: 60 plays an hour of the network in a minute.</summary>
    public double Speedup { get; init; } = 60;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public double ExamsPerDay { get; init; } = 2400;

    public int Seed { get; init; } = 1;

    /// <summary>The clock the arrival schedule, the time limit and the latencies are read from.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
