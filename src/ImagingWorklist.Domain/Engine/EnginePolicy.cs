using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Engine;

/// <summary>
/// The engine's knobs. Everything clinical that a network may want to tune is here, not in code paths:
/// pull-list size, ageing thresholds, which skills need a subspecialist for cross-sectional work.
/// </summary>
public sealed record EnginePolicy
{
    /// <summary>How many exams the pull list shows; the rest are reached through Next case (anti-cherry-picking).</summary>
    public int PullListSize { get; init; } = 20;

    /// <summary>After this wait since ready-to-report an exam is promoted to at least <see cref="UrgencyClass.Urgent"/>.</summary>
    public TimeSpan AgeingFirstPromotion { get; init; } = TimeSpan.FromDays(14);

    /// <summary>After this wait an exam is promoted to at least <see cref="UrgencyClass.High"/>, ahead of all non-emergency work.</summary>
    public TimeSpan AgeingSecondPromotion { get; init; } = TimeSpan.FromDays(21);

    /// <summary>A skipped exam is not offered again as that reporter's Next case for this long.</summary>
    public TimeSpan SkipCooldown { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Cross-sectional and nuclear work needs the exam's skill at this level or above.</summary>
    public int CrossSectionalMinLevel { get; init; } = 2;

    /// <summary>Skills whose work a general reporter never takes, even plain film (breast screening, nuclear medicine).</summary>
    public IReadOnlySet<Skill> SpecialistOnlySkills { get; init; } = new HashSet<Skill> { Skill.Breast, Skill.NuclearMedicine };

    /// <summary>How far back a reporter's workload credit reaches: a rolling window across shifts and days.</summary>
    public TimeSpan FairnessWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Next case treats exams of one class due within this of the first as a tie, and breaks it by workload credit: a
    /// reporter behind their colleagues takes the longest of the tied cases, one ahead the shortest (decision 0025).
    /// </summary>
    public TimeSpan FairnessTieWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A reporter's share of credit counts as behind or ahead of colleagues' only beyond this relative margin.</summary>
    public double FairnessMargin { get; init; } = 0.1;

    public static EnginePolicy Default { get; } = new();

    public int MinLevelFor(Modality modality) =>
        modality is Modality.CT or Modality.MR or Modality.NM or Modality.PT or Modality.XA ? CrossSectionalMinLevel : 1;
}
