namespace ImagingWorklist.Persistence;

/// <summary>A small per-user setting, such as the worklist filters a reporter last used.</summary>
public sealed class UserPreference
{
    public const int KeyMaxLength = 100;
    public const int ValueMaxLength = 4000;

    public required string UserId { get; init; }

    public required string Key { get; init; }

    public string Value { get; set; } = string.Empty;
}
