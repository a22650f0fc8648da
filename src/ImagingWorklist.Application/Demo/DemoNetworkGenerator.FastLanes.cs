using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Demo;

/// <summary>
/// Fast-lane history for the demo: about half the reported ED CT heads were stroke calls and half the polytrauma CTs
/// trauma calls, read within minutes when the reporter who took them could have started then (otherwise as late as the
/// history had them, a miss the dashboard shows), with a verbal report a few minutes into reading. Only reported exams:
/// an open one in a lane would sound an alert on every radiologist's screen from the first page. From a random stream of
/// its own, so the rest of the demo is the same.
/// </summary>
public sealed partial class DemoNetworkGenerator
{
    public const string DemoStrokeCode = "STROKE";

    public const string DemoTraumaCode = "TRAUMACALL";

    private readonly Random _lanes = new(options.RandomSeed ^ 0xFA57);

    /// <summary>
    /// Puts an ED CT head or polytrauma CT into its lane (before its claim), moving its reading to a few minutes after the
    /// images when its reader could have started then; false for every other exam.
    /// </summary>
    private bool EnterDemoFastLane(Exam exam, Func<DateTimeOffset, bool> couldClaimAt, ref DateTimeOffset claimedAt,
        ref DateTimeOffset signedAt)
    {
        (FastLane Lane, string Code)? lane = exam.ProcedureCode switch
        {
            "CHEAD" => (FastLane.Stroke, DemoStrokeCode),
            "CTRAU" => (FastLane.MajorTrauma, DemoTraumaCode),
            _ => null,
        };
        if (lane is null || exam is not { Pathway: Pathway.Emergency, ReadyAt: { } ready } || _lanes.Next(2) != 0)
        {
            return false;
        }

        var quick = ready.AddMinutes(1 + _lanes.Next(8));
        if (quick < claimedAt && couldClaimAt(quick))
        {
            signedAt = quick + (signedAt - claimedAt);
            claimedAt = quick;
        }

        return exam.EnterFastLane(lane.Value.Lane, $"order code {lane.Value.Code}", ready).Succeeded;
    }
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
