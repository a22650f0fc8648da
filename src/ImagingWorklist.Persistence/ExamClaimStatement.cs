using System.Data.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Exams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ImagingWorklist.Persistence;

/// <summary>
/// The common case of a claim on PostgreSQL in one round trip: the conditional update and its audit row in a single
/// statement. It encodes exactly the rule of <see cref="Exam.Claim"/> (claimable when ready, or claimed with a lapsed
/// lease) and writes the same fields; when it does not apply, the caller takes the entity path, which explains why.
/// Tests hold the two paths to the same result.
/// </summary>
public static class ExamClaimStatement
{
    private const string Sql =
        """
        WITH claimed AS (
            UPDATE "Exams"
               SET "State" = 'Claimed', "ClaimedById" = @reporter, "ClaimToken" = @token, "ClaimedAt" = @now,
                   "LeaseExpiresAt" = @expires, "Version" = "Version" + 1, "UpdatedAt" = @now
             WHERE "Id" = @exam AND ("State" = 'Ready' OR ("State" = 'Claimed' AND "LeaseExpiresAt" <= @now))
            RETURNING "Id", "TrustId", "Accession", "Version"),
        audit AS (
            INSERT INTO "AuditEvents" ("Id", "At", "Action", "Actor", "ExamId", "TrustId", "Detail", "Source", "Reason")
            SELECT @audit, @now, @action, @actor, "Id", "TrustId", @action || ' ' || "Accession", @source, NULL FROM claimed)
        SELECT "Version" FROM claimed
        """;

    /// <summary>The exam's new version if the claim was made; null if it was not claimable or the provider is not PostgreSQL.</summary>
    public static async Task<int?> TryClaimAsync(
        WorklistDbContext db, Guid examId, Guid reporterId, Guid leaseToken, DateTimeOffset now, TimeSpan lease, string actor,
            string? source, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection());
            var parameters = (NpgsqlParameterCollection)command.Parameters;
            parameters.AddWithValue("exam", examId);
            parameters.AddWithValue("reporter", reporterId);
            parameters.AddWithValue("token", leaseToken);
            parameters.AddWithValue("now", now.ToUniversalTime());
            parameters.AddWithValue("expires", (now + lease).ToUniversalTime());
            parameters.AddWithValue("audit", Guid.NewGuid());
            parameters.AddWithValue("action", nameof(AuditAction.InterpStarted));
            parameters.AddWithValue("actor", actor);
            parameters.AddWithValue("source", (object?)source ?? DBNull.Value);
            return await command.ExecuteScalarAsync(cancellationToken) is int version ? version : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
