namespace ImagingWorklist.Domain.Research;

/// <summary>Ages in five-year bands, everyone from 90 up in one band (so the oldest, fewest patients are not singled out).</summary>
public static class AgeBand
{
    public const int Width = 5;
    public const int Top = 90;

    public static string Of(int age) => age switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(age), age, "An age cannot be negative."),
        >= Top => $"{Top}+",
        _ => $"{age / Width * Width}-{(age / Width * Width) + Width - 1}",
    };
}
