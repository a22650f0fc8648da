using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Engine;

/// <summary>An exam needing attention. The figures are kept; the sentence is only written when someone reads it.</summary>
public sealed record Escalation(Guid ExamId, EscalationKind Kind, Skill Skill, TimeSpan Waited, TimeSpan ForecastLateness,
    double MinutesAhead, int ReportersOnDuty)
{
    public string Explanation => Kind switch
    {
        EscalationKind.NoEligibleReporterOnDuty =>
            $"No reporter on duty may report this {Skill} exam at this site: route it to on-call, out-of-hours or outsourced cover.",
        EscalationKind.ForecastBreach =>
            $"Forecast to finish {Durations.Describe(ForecastLateness)} after its due time: {MinutesAhead:0} min of more urgent {Skill} " +
                $"work ahead for {ReportersOnDuty} reporter(s) on duty.",
        _ => $"Waiting {Durations.Describe(Waited)} since it was ready to report.",
    };
}
