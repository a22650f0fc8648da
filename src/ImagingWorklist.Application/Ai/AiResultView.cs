using ImagingWorklist.Domain.Ai;

namespace ImagingWorklist.Application.Ai;

/// <summary>
/// One AI result as the report panel shows it. A live positive is shown as the flag it raised; anything else (silent, or
/// negative) is asked about without saying what the algorithm said, so the answer measures the algorithm and is not led
/// by it.
/// </summary>
public sealed record AiResultView(Guid Id, string Display, bool ShowFlag, string? Flag, bool? Present, int Version)
{
    public static AiResultView Of(AiResult result) =>
        new(result.Id, result.Display, result.RaisesUrgency, result.RaisesUrgency ? result.Flag : null, result.Present, result.Version);
}
