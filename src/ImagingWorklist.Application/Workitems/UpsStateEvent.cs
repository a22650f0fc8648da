using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Workitems;

/// <summary>A workitem's new state and the event channels (owner, AE title) that are to hear of it.</summary>
public sealed record UpsStateEvent(ExamState State, IReadOnlySet<(string Owner, string AeTitle)> Recipients);
