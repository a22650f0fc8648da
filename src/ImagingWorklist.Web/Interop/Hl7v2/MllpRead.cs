namespace ImagingWorklist.Web.Interop.Hl7v2;

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
