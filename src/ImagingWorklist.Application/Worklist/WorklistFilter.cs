using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Worklist;

/// <summary>What a reporter narrowed their list to; empty sets mean no restriction.</summary>
public sealed record WorklistFilter
{
    public IReadOnlySet<Modality> Modalities { get; init; } = new HashSet<Modality>();

    public IReadOnlySet<Guid> Trusts { get; init; } = new HashSet<Guid>();

    public IReadOnlySet<Pathway> Pathways { get; init; } = new HashSet<Pathway>();

    public IReadOnlySet<Skill> Skills { get; init; } = new HashSet<Skill>();

    public bool IsEmpty => Modalities.Count == 0 && Trusts.Count == 0 && Pathways.Count == 0 && Skills.Count == 0;

    public bool Matches(EngineExam exam) =>
        (Modalities.Count == 0 || Modalities.Contains(exam.Modality))
        && (Trusts.Count == 0 || Trusts.Contains(exam.TrustId))
        && (Pathways.Count == 0 || Pathways.Contains(exam.Pathway))
        && (Skills.Count == 0 || Skills.Contains(exam.RequiredSkill));
}
