namespace ImagingWorklist.Application.Ai;

/// <summary>
/// One algorithm's record at one trust in one month, against the radiologists' answers. Rates are null when there is
/// nothing to divide by. Gains and costs are in minutes; what each means is in decision 0023.
/// </summary>
public sealed record AiPerformanceRow(
    string Trust,
    DateOnly Month,
    bool Live,
    int Analysed,
    int Flags,
    int Judged,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    double? Agreement,
    double? Sensitivity,
    double? PositivePredictiveValue,
    double? MedianMinutesGained,
    int FalsePositiveQueueMinutes);
