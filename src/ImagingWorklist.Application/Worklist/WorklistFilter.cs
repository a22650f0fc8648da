using System.Text.Json;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Application.Common;

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

/// <summary>Keeps each user's worklist filters between visits.</summary>
public sealed class WorklistFilterStore(UserPreferenceStore preferences)
{
    private const string Key = "worklist.filter";

    public async Task<WorklistFilter> LoadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var stored = await preferences.GetAsync(userId, Key, cancellationToken);
        if (stored is null)
        {
            return new WorklistFilter();
        }

        try
        {
            var saved = JsonSerializer.Deserialize<Saved>(stored);
            return saved is null ? new WorklistFilter() : new WorklistFilter
            {
                Modalities = saved.Modalities.ToHashSet(),
                Trusts = saved.Trusts.ToHashSet(),
                Pathways = saved.Pathways.ToHashSet(),
                Skills = saved.Skills.ToHashSet(),
            };
        }
        catch (JsonException)
        {
            // A filter saved by an older version that no longer reads is not worth an error page: start unfiltered.
            return new WorklistFilter();
        }
    }

    public Task SaveAsync(string userId, WorklistFilter filter, CancellationToken cancellationToken = default) =>
        preferences.SetAsync(userId, Key,
            JsonSerializer.Serialize(new Saved([.. filter.Modalities], [.. filter.Trusts], [.. filter.Pathways], [.. filter.Skills])),
            cancellationToken);

    private sealed record Saved(Modality[] Modalities, Guid[] Trusts, Pathway[] Pathways, Skill[] Skills);
}
