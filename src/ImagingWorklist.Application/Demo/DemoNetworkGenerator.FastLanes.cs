using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Demo;

/// <summary>
/// Fast-lane history for the demo: some of the reported ED CT heads that were read within minutes were stroke calls,
/// with a verbal report a few minutes after the claim. Only reported exams: an open one in a lane would sound an alert on
/// every radiologist's screen from the first page. From a random stream of its own, so the rest of the demo is the same.
/// </summary>
public sealed partial class DemoNetworkGenerator
{
    public const string DemoStrokeCode = "STROKE";

    private readonly Random _lanes = new(options.RandomSeed ^ 0xFA57);

    /// <summary>Puts a quickly read ED CT head into the stroke lane (before its claim); false for every other exam.</summary>
    private bool EnterDemoFastLane(Exam exam, DateTimeOffset claimedAt) =>
        exam is { ProcedureCode: "CHEAD", Pathway: Pathway.Emergency, ReadyAt: { } ready } && claimedAt - ready <= TimeSpan.FromMinutes(12)
            && _lanes.Next(3) == 0 && exam.EnterFastLane(FastLane.Stroke, $"order code {DemoStrokeCode}", ready).Succeeded;

    /// <summary>The verbal report a fast-lane exam's reader gave a few minutes into reading it, issued as the preliminary.</summary>
    private void GiveDemoVerbalReport(Exam exam, Report report, Guid token, DateTimeOffset claimedAt, DateTimeOffset signedAt)
    {
        var told = claimedAt.AddMinutes(2 + _lanes.Next(5));
        if (told >= signedAt)
        {
            told = signedAt.AddMinutes(-1);
        }

        report.IssuePreliminary(told);
        exam.RecordPreliminary(token, told, told);
    }
}
