namespace ImagingWorklist.Domain.Reporters;

/// <summary>
/// A reporter's right to report for one trust (honorary contract or practising privileges). No valid credential:
/// no eligibility, and no access to that trust's patient data.
/// </summary>
public sealed class Credential
{
    private Credential()
    {
    }

    public Credential(Guid id, Guid reporterId, Guid trustId, DateTimeOffset validFrom, DateTimeOffset? validTo)
    {
        if (validTo is { } to && to <= validFrom)
        {
            throw new ArgumentException("A credential must end after it starts.", nameof(validTo));
        }

        Id = id;
        ReporterId = reporterId;
        TrustId = trustId;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid Id { get; private set; }

    public Guid ReporterId { get; private set; }

    public Guid TrustId { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }

    /// <summary>Exclusive end; null for an open-ended contract.</summary>
    public DateTimeOffset? ValidTo { get; private set; }

    public bool IsValidAt(DateTimeOffset now) => now >= ValidFrom && (ValidTo is null || now < ValidTo);

    public bool ExpiresWithin(TimeSpan window, DateTimeOffset now) => ValidTo is { } to && to > now && to - now <= window;
}
