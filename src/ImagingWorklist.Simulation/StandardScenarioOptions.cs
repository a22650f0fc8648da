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

    /// <summary>
    /// Share of reporter-weekdays lost to leave and illness (0 to 1): each in-hours reporter is away for the whole day with
    /// this chance, as leave the engine knows of. The out-of-hours rota is kept whole (it is backfilled in practice).
    /// </summary>
    public double Absence { get; init; }

    /// <summary>
    /// Share of new exams that arrive out of hours (outside 08:00–18:00 on weekdays); null keeps the standard week's
    /// shape (about 0.35). The day's total is kept; each pathway's hours keep their shape within in and out of hours.
    /// </summary>
    public double? OutOfHoursShare { get; init; }

    /// <summary>Spread (σ of the log) of reporters' reading speed around 1, the mean kept; 0 reads at the catalogue's pace.</summary>
    public double SpeedSpread { get; init; }

    /// <summary>Spread (σ of the log) of an exam's actual reading time around its expected minutes, the mean kept.</summary>
    public double ReadingTimeSpread { get; init; } = 0.5;
}
