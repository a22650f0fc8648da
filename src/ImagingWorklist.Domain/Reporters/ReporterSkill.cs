namespace ImagingWorklist.Domain.Reporters;

/// <summary>A skill a reporter holds. Level 1 reports routine work, 2 is independent, 3 is subspecialist.</summary>
public sealed record ReporterSkill
{
    public const int MinLevel = 1;
    public const int MaxLevel = 3;

    public ReporterSkill(Skill skill, int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, MinLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        Skill = skill;
        Level = level;
    }

    public Skill Skill { get; private set; }

    public int Level { get; private set; }
}
