using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.FastLanes;

/// <summary>A fast-lane exam nobody has claimed yet that this reporter may take: what the alert banner says.</summary>
public sealed record FastLaneWaiting(Guid ExamId, FastLane Lane, string Description, string Reason, FastLaneClock? Clock);
