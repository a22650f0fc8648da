namespace ImagingWorklist.Persistence;

/// <summary>
/// A UPS-RS subscription (PS3.18 11.10): an application entity, owned by the person or client that made it, hears about
/// one workitem or, when <see cref="ExamId"/> is null, every workitem it may see (a global subscription).
/// </summary>
public sealed class UpsSubscription
{
    /// <summary>DICOM AE titles are at most 16 characters.</summary>
    public const int AeTitleMaxLength = 16;
    public const int OwnerMaxLength = 200;

    public Guid Id { get; set; }

    public string AeTitle { get; set; } = string.Empty;

    /// <summary>The subject of the caller (user id or client id): only they may change it or receive its events.</summary>
    public string Owner { get; set; } = string.Empty;

    public Guid? ExamId { get; set; }

    /// <summary>A suspended global subscription sends nothing new; per-workitem subscriptions it created stay.</summary>
    public bool Suspended { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
