using System.Globalization;
using System.Text;

namespace ImagingWorklist.Domain.Common;

/// <summary>
/// Text on its way into storage or back to a sender. PostgreSQL text cannot hold NUL (0x00), so a NUL is refused with
/// its position, and where the raw input must be kept anyway it is kept with the NUL made visible (U+2400 ␀).
/// </summary>
public static class StoredText
{
    /// <summary>U+2400 SYMBOL FOR NULL: how a NUL in kept raw input is shown.</summary>
    public const char VisibleNul = '\u2400';

    /// <summary>Where the first NUL is (0-based), or null when there is none.</summary>
    public static int? NulAt(string? text) => text?.IndexOf('\0', StringComparison.Ordinal) is >= 0 and var at ? at : null;

    /// <summary>The sentence that refuses text with a NUL in it, naming where it is.</summary>
    public static string NulRefusal(string what, int at) =>
        $"{what} contains a NUL character (0x00) at position {at + 1}, which cannot be stored; remove it and send again.";

    public static string WithNulVisible(string text) => text.Replace('\0', VisibleNul);

    /// <summary>
    /// A value echoed in an error message: control characters written as \uXXXX (so a NUL or a line break is seen,
    /// not acted on), and at most <paramref name="max"/> characters.
    /// </summary>
    public static string Echo(string? value, int max = 80)
    {
        var text = value ?? string.Empty;
        var echoed = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            echoed.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return text.Length > max ? echoed.Append('…').ToString() : echoed.ToString();
    }

    /// <summary>
    /// Text for an HTTP header, which carries ASCII only: printable ASCII kept, double quotes made single, anything
    /// else written as \uXXXX so the reader can still tell what it was.
    /// </summary>
    public static string Ascii(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            ascii.Append(c switch
            {
                '"' => "'",
                '\\' => "\\\\",
                >= ' ' and <= '~' => c.ToString(),
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return ascii.ToString();
    }
}
