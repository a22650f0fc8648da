using System.Security.Cryptography;
using System.Text;

namespace ImagingWorklist.Domain.Research;

/// <summary>
/// Keyed pseudonyms and date shifts for one data access request. Both are HMAC-SHA256 of the patient's identifier under
/// the request's own secret, so they are stable within a request (an extract run twice links up) and unlinkable across
/// requests without the secrets, which never leave the database.
/// </summary>
public sealed class Pseudonymiser
{
    /// <summary>Dates move by up to a year either way, never by zero days.</summary>
    public const int MaxShiftDays = 365;

    public const int SecretLength = 32;

    private readonly byte[] secret;

    public Pseudonymiser(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < SecretLength)
        {
            throw new ArgumentException($"A request's secret is at least {SecretLength} bytes.", nameof(secret));
        }

        this.secret = secret;
    }

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretLength);

    /// <summary>
    /// A pseudonym for an identifier: 20 base-32 characters of the HMAC, prefixed by what it stands for. Every fifth
    /// character is a letter (a digit there is replaced by a letter), so a pseudonym never holds more than four digits in a
    /// row and can never be read, by a person or a scanner, as an NHS number; about 98 bits remain.
    /// </summary>
    public string Pseudonym(string kind, string identifier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        var text = Base32(Mac($"{kind}:{identifier}").AsSpan(0, 13)).ToCharArray(0, 20);
        for (var i = 4; i < text.Length; i += 5)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                text[i] = Alphabet[text[i] - '0'];
            }
        }

        return $"{kind}-{new string(text)}";
    }

    /// <summary>The whole days by which every date of this patient moves: in [−365, 365] without 0.</summary>
    public int ShiftDays(string patientKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientKey);
        var mac = Mac($"shift:{patientKey}");
        var draw = (int)(BitConverter.ToUInt32(mac, 0) % (2 * MaxShiftDays));
        return draw < MaxShiftDays ? draw - MaxShiftDays : draw - MaxShiftDays + 1;
    }

    private byte[] Mac(string text) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text));

    /// <summary>Crockford-like: no I, L, O or U, so nothing reads as a 1, a 0 or a word.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return text.ToString();
    }
}
