namespace ImagingWorklist.Domain.Common;

/// <summary>A required text field of a form: given, not too long, and without control characters (line breaks and tabs only
/// where the field may hold several lines).</summary>
public static class RequiredText
{
    /// <summary>Adds the problem with <paramref name="value"/>, if any, in words naming <paramref name="what"/>.</summary>
    public static void Check(List<string> problems, string? value, string what, int max, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"Give {what}.");
        }
        else if (value.Trim().Length > max || value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            problems.Add($"{char.ToUpperInvariant(what[0])}{what[1..]} must be at most {max} characters without control characters.");
        }
    }
}
