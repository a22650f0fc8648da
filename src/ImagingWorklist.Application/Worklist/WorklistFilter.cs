using System.Text.Json;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

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
public sealed class WorklistFilterStore(IDbContextFactory<WorklistDbContext> contexts)
{
    private const string Key = "worklist.filter";

    public async Task<WorklistFilter> LoadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.UserPreferences.AsNoTracking().Where(p => p.UserId == userId && p.Key == Key).Select(p => p.Value).SingleOrDefaultAsync(cancellationToken);
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

    public async Task SaveAsync(string userId, WorklistFilter filter, CancellationToken cancellationToken = default)
    {
        var value = JsonSerializer.Serialize(new Saved([.. filter.Modalities], [.. filter.Trusts], [.. filter.Pathways], [.. filter.Skills]));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.UserPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Key == Key, cancellationToken);
        if (existing is null)
        {
            db.UserPreferences.Add(new UserPreference { UserId = userId, Key = Key, Value = value });
        }
        else
        {
            existing.Value = value;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Saved(Modality[] Modalities, Guid[] Trusts, Pathway[] Pathways, Skill[] Skills);
}
