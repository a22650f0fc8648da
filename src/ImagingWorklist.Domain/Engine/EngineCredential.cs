namespace ImagingWorklist.Domain.Engine;

public sealed record EngineCredential(Guid TrustId, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    public bool IsValidAt(DateTimeOffset now) => now >= ValidFrom && (ValidTo is null || now < ValidTo);
}
