namespace ImagingWorklist.Application.Admin;

public sealed record CredentialRow(Guid CredentialId, Guid TrustId, string TrustOdsCode, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo,
    CredentialStatus Status);
