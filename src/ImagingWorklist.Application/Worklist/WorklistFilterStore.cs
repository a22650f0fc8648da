using System.Text.Json;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Worklist;

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
