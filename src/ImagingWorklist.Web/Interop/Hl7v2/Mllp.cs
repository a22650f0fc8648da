using System.Text;
using ImagingWorklist.Application.Ingest;

namespace ImagingWorklist.Web.Interop.Hl7v2;

/// <summary>
/// MLLP framing (HL7 v2 over TCP): each message between 0x0B and 0x1C 0x0D. One framing for the inbound listener, report
/// delivery's answers and the tests; bytes outside a frame (a trailing carriage return, keep-alive noise) are ignored.
/// </summary>
public static class Mllp
{
    public const byte Start = 0x0B;
    public const byte End = 0x1C;
    public const byte Return = 0x0D;

    public static byte[] Frame(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var framed = new byte[body.Length + 3];
        framed[0] = Start;
        body.CopyTo(framed, 1);
        framed[^2] = End;
        framed[^1] = Return;
        return framed;
    }

    /// <summary>Reads one framed message (what a peer answers); null if the peer closes first. Bounded like inbound frames.</summary>
    public static async Task<string?> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new MllpFrameReader();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            switch (reader.Push(one[0], out var message))
            {
                case MllpRead.Message:
                    return message;
                case MllpRead.TooLarge:
                    throw new IOException($"The answer exceeded {reader.MaxBytes} bytes.");
            }
        }

        return null;
    }

    /// <summary>The message's text in the character set MSH-18 declares (<see cref="Hl7Charsets.Read"/>).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Hl7Charsets.Read(bytes);
}
