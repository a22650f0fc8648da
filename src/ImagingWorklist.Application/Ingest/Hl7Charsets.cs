using System.Text;
using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// The character set of an HL7 v2 message's bytes: the transport's declaration (an HTTP charset) when there is one,
/// else MSH-18 (HL7 table 0211: ASCII, 8859/1, UNICODE UTF-8), else UTF-8 when the bytes are valid UTF-8 and
/// ISO 8859-1 (HL7 v2's usual 8-bit set) when they are not, so no byte is lost. A declared set this interface cannot
/// read is refused by name, never guessed.
/// </summary>
public static class Hl7Charsets
{
    public const string Supported = "ASCII, 8859/1 or UNICODE UTF-8 in MSH-18 (us-ascii, iso-8859-1 or utf-8 as an HTTP charset)";

    /// <summary>The encoding an MSH-18 value names: null for an empty value (the default), or when it is not one this interface
    /// reads.</summary>
    public static Encoding? OfMsh18(string value, out bool known)
    {
        (var encoding, known) = value.Trim().ToUpperInvariant() switch
        {
            "" => ((Encoding?)null, true),
            "ASCII" => (Strict(Encoding.ASCII), true),
            "8859/1" => (Encoding.Latin1, true),
            "UNICODE UTF-8" => (StrictUtf8, true),
            _ => (null, false),
        };
        return encoding;
    }

    /// <summary>The encoding an HTTP charset names, or null when .NET cannot decode it.</summary>
    public static Encoding? OfHttpCharset(string charset)
    {
        try
        {
            return Strict(Encoding.GetEncoding(charset.Trim().Trim('"')));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The message's text, or the problem that stops it being read (an unknown set, bytes not in the declared set).</summary>
    public static (string? Text, string? Problem) Decode(ReadOnlySpan<byte> bytes, Encoding? declared = null, string? declaredAs = null)
    {
        string? name = declaredAs;
        if (declared is null && Msh18(bytes) is { Length: > 0 } msh18)
        {
            declared = OfMsh18(msh18, out var known);
            if (!known)
            {
                return (null,
                    $"MSH-18 names the character set '{StoredText.Echo(msh18)}', which this interface cannot read; use {Supported}.");
            }

            name = $"MSH-18 {msh18}";
        }

        if (declared is null)
        {
            return (BestEffort(bytes), null);
        }

        try
        {
            return (declared.GetString(bytes), null);
        }
        catch (DecoderFallbackException failure)
        {
            return (null,
                $"The message is not valid in its declared character set ({name}): byte {failure.Index + 1} cannot be read. Send it in " +
                    $"the set it declares.");
        }
    }

    /// <summary>
    /// The text of a message whose transport declares no set: as MSH-18 says, or by default. When MSH-18 names a set that
    /// cannot be read, or the bytes are not in it, they are read by default and kept: the ingest then refuses the message
    /// naming MSH-18, so the sender is told (and the message is stored as received).
    /// </summary>
    public static string Read(ReadOnlySpan<byte> bytes) => Decode(bytes).Text ?? BestEffort(bytes);

    /// <summary>UTF-8 when the bytes are valid UTF-8; otherwise ISO 8859-1.</summary>
    public static string BestEffort(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>MSH-18 read from the raw bytes (the header is ASCII in every set this reads), or null.</summary>
    private static string? Msh18(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        var header = Encoding.Latin1.GetString(end < 0 ? bytes : bytes[..end]).TrimStart('\uFEFF', ' ', '\u000B');
        if (header.Length < 4 || !header.StartsWith("MSH", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = header.Split(header[3]);
        return fields.Length > 17 ? fields[17].Split('~')[0].Split('^')[0] : null;
    }

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
