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

    /// <summary>
    /// Where the first character that cannot be stored is: a NUL, or half of a surrogate pair (not a character at all:
    /// SQLite would change it and PostgreSQL refuse it). Null when every character can be stored.
    /// </summary>
    public static int? UnstorableAt(string? text)
    {
        for (var i = 0; i < (text?.Length ?? 0); i++)
        {
            var c = text![i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The refusal for the first of the named texts that cannot be stored, or null when all can.</summary>
    public static string? RefusalFor(params (string What, string? Text)[] fields) =>
        fields.Select(f => UnstorableAt(f.Text) is { } at ? Refusal(f.What, f.Text!, at) : null).FirstOrDefault(r => r is not null);

    /// <summary>The sentence that refuses text at <paramref name="at"/> (from <see cref="UnstorableAt"/>), naming what and where.</summary>
    public static string Refusal(string what, string text, int at) => text[at] == '\0'
        ? NulRefusal(what, at)
        : $"{what} contains half of a character (an unpaired surrogate, U+{(int)text[at]:X4}) at position {at + 1}, which cannot be " +
            $"stored; send it as proper Unicode text.";

    /// <summary>Raw input kept for the record: a NUL shown as ␀, half a character as the replacement character.</summary>
    public static string WithNulVisible(string text)
    {
        var visible = text.Replace('\0', VisibleNul).ToCharArray();
        for (var i = 0; i < visible.Length; i++)
        {
            if (char.IsHighSurrogate(visible[i]) && i + 1 < visible.Length && char.IsLowSurrogate(visible[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(visible[i]))
            {
                visible[i] = '\uFFFD';
            }
        }

        return new string(visible);
    }

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
