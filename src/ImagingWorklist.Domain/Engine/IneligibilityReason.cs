namespace ImagingWorklist.Domain.Engine;

public enum IneligibilityReason
{
    MissingSkill,
    SkillLevelTooLow,
    OutsideScopeOfPractice,
    NoValidCredential,
    OnLeave,
    NotOnDuty,
    ShiftDoesNotCover,
    OverCapacity,
}
