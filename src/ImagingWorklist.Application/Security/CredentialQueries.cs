using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Security;

/// <summary>
/// "Holds a valid credential now", as the database reads it: the one predicate behind every query that must agree with
/// <see cref="Credential.IsValidAt"/> (the claims a lapsed credential withdraws, the cases a reporter may get back to).
/// </summary>
public static class CredentialQueries
{
    public static IQueryable<Credential> ValidAt(this IQueryable<Credential> credentials, DateTimeOffset now) =>
        credentials.Where(c => c.ValidFrom <= now && (c.ValidTo == null || c.ValidTo > now));
}
