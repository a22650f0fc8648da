namespace ImagingWorklist.Web.Interop.Hl7v2;

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
