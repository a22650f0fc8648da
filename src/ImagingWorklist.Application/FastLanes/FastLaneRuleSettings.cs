namespace ImagingWorklist.Application.FastLanes;

/// <summary>One lane's settings: the codes that put an exam into it, and its two targets.</summary>
public sealed class FastLaneRuleSettings
{
    /// <summary>
    /// Order codes (comma-separated) that put an exam into the lane: the reason for study (HL7 OBR-31, first component)
    /// or the procedure code (OBR-4), compared without regard to case.
    /// </summary>
    public string OrderCodes { get; set; } = string.Empty;

    /// <summary>AI finding codes (comma-separated) whose live positive result puts the exam into the lane.</summary>
    public string AiFindings { get; set; } = string.Empty;

    public TimeSpan PreliminaryWithin { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan FinalWithin { get; set; } = TimeSpan.FromHours(1);

    internal IReadOnlyList<string> OrderCodeList() => Split(OrderCodes);

    internal IReadOnlyList<string> AiFindingList() => Split(AiFindings);

    private static string[] Split(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToUpperInvariant()).Distinct()];
}
