using System.Globalization;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator.Grid;

/// <summary>One shape of network in the grid; <see cref="OutOfHoursShare"/> null is the standard week's shape.</summary>
internal sealed record GridCell(int PerDay, int Backlog, double Absence, double? OutOfHoursShare, double SpeedSpread, double ReadingSpread)
{
    public StandardScenarioOptions Options(int days, int seed) => new()
    {
        Days = days,
        Seed = seed,
        ExamsPerDay = PerDay,
        BacklogExams = Backlog,
        Absence = Absence,
        OutOfHoursShare = OutOfHoursShare,
        SpeedSpread = SpeedSpread,
        ReadingTimeSpread = ReadingSpread,
    };

    /// <summary>The dimensions other than exams a day and backlog, which a heat map panel holds fixed, named with their values.</summary>
    public IReadOnlyList<string> PanelParts =>
    [
        $"absence {Percent(Absence)}", $"out of hours {(OutOfHoursShare is { } share ? Percent(share) : "standard")}",
        $"speed spread {Number(SpeedSpread)}", $"reading spread {Number(ReadingSpread)}",
    ];

    public string PanelLabel => string.Join(", ", PanelParts);

    public (double, double?, double, double) Panel => (Absence, OutOfHoursShare, SpeedSpread, ReadingSpread);

    public static string Percent(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
