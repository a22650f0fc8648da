using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Engine;

/// <summary>
/// Who may report what, now. This is the readable reference: the engine evaluates the same rules in a faster, indexed
/// form, and a property test holds the two to the same answers.
/// </summary>
public static class Eligibility
{
    public static EligibilityVerdict Check(EngineReporter reporter, EngineExam exam, int heldMinutes, DateTimeOffset now,
        EnginePolicy policy)
    {
        var reasons = new List<Ineligibility>();
        var skill = SkillCheck(reporter, exam.RequiredSkill, policy.MinLevelFor(exam.Modality), policy);
        if (skill is not null)
        {
            reasons.Add(skill);
        }

        if (!reporter.MayReport(exam.Modality, exam.BodyPart))
        {
            reasons.Add(
                new(IneligibilityReason.OutsideScopeOfPractice,
                $"{exam.Modality} {exam.BodyPart.ToLowerInvariant()} is outside your scope of practice."));
        }

        if (!reporter.Credentials.Any(c => c.TrustId == exam.TrustId && c.IsValidAt(now)))
        {
            reasons.Add(new(IneligibilityReason.NoValidCredential, "You hold no valid credential for this exam's trust."));
        }

        if (reporter.IsAbsentAt(now))
        {
            reasons.Add(new(IneligibilityReason.OnLeave, "You are on leave."));
        }
        else if (!reporter.Shifts.Any(s => s.IsOnDutyAt(now)))
        {
            reasons.Add(new(IneligibilityReason.NotOnDuty, "You are not on duty now."));
        }
        else if (!reporter.Shifts.Any(s => s.IsOnDutyAt(now) && s.Covers(exam.TrustId, exam.SiteId)))
        {
            reasons.Add(new(IneligibilityReason.ShiftDoesNotCover, "Your shift does not cover this exam's site."));
        }
        else if (!BypassesCapacity(exam, now, policy) && heldMinutes + exam.ExpectedMinutes > reporter.CapacityAt(now))
        {
            reasons.Add(
                new(IneligibilityReason.OverCapacity,
                $"You already hold {heldMinutes} reading minutes of a {reporter.CapacityAt(now)}-minute capacity."));
        }

        return new EligibilityVerdict(reasons);
    }

    /// <summary>Emergency and fast-lane work goes to someone at once, whatever they already hold.</summary>
    public static bool BypassesCapacity(EngineExam exam, DateTimeOffset now, EnginePolicy policy) =>
        Prioritiser.ClassOf(exam, now, policy).IsEmergency();

    /// <summary>
    /// Holding the exam's skill at the level its modality needs qualifies; so does general skill for plain-film and
    /// ultrasound level work outside the specialist-only skills.
    /// </summary>
    internal static Ineligibility? SkillCheck(EngineReporter reporter, Skill required, int minLevel, EnginePolicy policy)
    {
        var level = reporter.LevelIn(required);
        if (level >= minLevel)
        {
            return null;
        }

        var general = reporter.LevelIn(Skill.General);
        if (required != Skill.General && minLevel <= 1 && general >= 1 && !policy.SpecialistOnlySkills.Contains(required))
        {
            return null;
        }

        return level is null
            ? new(IneligibilityReason.MissingSkill, $"This exam needs {required} reporting, which you do not hold.")
            : new(IneligibilityReason.SkillLevelTooLow, $"This exam needs {required} at level {minLevel}; you hold level {level}.");
    }
}
