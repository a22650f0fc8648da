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

public enum MllpRead
{
    /// <summary>The byte was framing or part of a message still arriving.</summary>
    Nothing,

    /// <summary>A whole message has arrived.</summary>
    Message,

    /// <summary>
    /// A message over the size limit has ended: its bytes past the limit were not kept, and the message holds only its
    /// first segment (the MSH, so the answer can name it).
    /// </summary>
    TooLarge,
}

/// <summary>
/// Assembles framed messages from a byte stream, one byte at a time, up to a size limit. A message over the limit is
/// read to its end without being kept, so the sender can be answered once it has finished sending.
/// </summary>
public sealed class MllpFrameReader(int maxBytes = Hl7Endpoints.MaxMessageBytes)
{
    private readonly MemoryStream _frame = new();
    private bool _inFrame;
    private bool _tooLarge;

    public int MaxBytes => maxBytes;

    public MllpRead Push(byte value, out string? message)
    {
        message = null;
        if (value == Mllp.Start)
        {
            _frame.SetLength(0);
            (_inFrame, _tooLarge) = (true, false);
        }
        else if (value == Mllp.End && _inFrame)
        {
            _inFrame = false;
            message = Mllp.Decode(_frame.GetBuffer().AsSpan(0, (int)_frame.Length));
            if (_tooLarge)
            {
                message = message.Split('\r', 2)[0];
                return MllpRead.TooLarge;
            }

            return MllpRead.Message;
        }
        else if (_inFrame && !_tooLarge)
        {
            if (_frame.Length >= maxBytes)
            {
                _tooLarge = true;
                return MllpRead.Nothing;
            }

            _frame.WriteByte(value);
        }

        return MllpRead.Nothing;
    }
}
