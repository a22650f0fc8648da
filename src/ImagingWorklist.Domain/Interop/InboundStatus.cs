namespace ImagingWorklist.Domain.Interop;

/// <summary>Where an inbound message stands.</summary>
public enum InboundStatus
{
    /// <summary>Stored, not yet applied (a crash between storing and applying leaves it here; a resend applies it).</summary>
    Received,

    /// <summary>Applied to the worklist; acknowledged AA.</summary>
    Applied,

    /// <summary>Accepted and kept until what it refers to arrives (a status change before its order); acknowledged AA.</summary>
    Held,

    /// <summary>Refused for its content or type; acknowledged AE or AR, with the reason. Listed for administrators.</summary>
    Rejected,
}
