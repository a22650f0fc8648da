namespace ImagingWorklist.Domain.Exams;

/// <summary>
/// One reporter's hold on an exam: a lease that lapses unless renewed. The token plays the part of the
/// UPS Transaction UID and is never shown to anyone but the holder.
/// </summary>
public sealed record Claim(Guid ReporterId, Guid LeaseToken, DateTimeOffset ClaimedAt, DateTimeOffset LeaseExpiresAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => now >= LeaseExpiresAt;
}
