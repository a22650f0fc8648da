using System.Net;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ImagingWorklist.Web.IntegrationTests.Operations;

/// <summary>
/// The runbook's backup and restore (docs/operations.md): pg_dump of a working network's database, pg_restore into a
/// fresh PostgreSQL server, and the app started on it holds every exam, claim, draft, report, audit row and outbox
/// entry, with the audit trail still append-only.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task ADumpRestoredIntoAFreshServerHoldsEverythingAndTheAppCarriesOnFromIt()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Guid heldExam;
        Guid holder;
        Guid rival;
        int openBefore;
        const string draft = "Findings: a 6 mm nodule in the right upper lobe. Draft kept through backup — naïve café text.";
        await using (var app = new WorklistAppFactory(DatabaseProvider.Postgres, source.ConnectionString))
        {
            app.CreateClient();
            await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist2", "Signed before the backup.");
            holder = await DemoPeople.ReporterOfAsync(app.Services, "radiologist");
            rival = await DemoPeople.ReporterOfAsync(app.Services, "radiologist2");
            heldExam = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null);
            var saved = await app.Services.GetRequiredService<ReportingService>()
                .SaveDraftAsync(heldExam, holder, draft, new Actor("radiologist", holder));
            Assert.True(saved.Succeeded, saved.Reason);
            openBefore = DemoPeople.OpenInEngine(app.Services);
        }

        var before = await PostgresTools.FingerprintAsync(source.ConnectionString);
        foreach (var table in new[] { "Exams", "Reports", "AuditEvents", "OutboundReports", "RotaShifts", "AspNetUsers",
            "OpenIddictApplications" })
        {
            Assert.False(before[table].StartsWith("0 rows,", StringComparison.Ordinal), $"{table} is empty: {before[table]}");
        }

        var dump = Path.Combine(Path.GetTempPath(), $"iw-backup-{Guid.NewGuid():N}.dump");
        try
        {
            await PostgresTools.RunAsync("pg_dump", "--format=custom", "--file", dump, PostgresTools.Libpq(source.ConnectionString));
            await using var fresh = await ThrowawayPostgres.StartAsync();
            await fresh.CreateDatabaseAsync("imagingworklist");
            var restored = fresh.ConnectionString("imagingworklist");
            await PostgresTools.RunAsync("pg_restore", "--no-owner", "--exit-on-error", "--dbname", PostgresTools.Libpq(restored), dump);

            Assert.Equal(before, await PostgresTools.FingerprintAsync(restored));
            await AssertAuditIsAppendOnlyAsync(restored);

            await using var app = new WorklistAppFactory(DatabaseProvider.Postgres, restored);
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/ready")).StatusCode);
            Assert.Equal(openBefore, DemoPeople.OpenInEngine(app.Services));
            var rivalClaim = await app.Services.GetRequiredService<ClaimService>()
                .ClaimAsync(heldExam, rival, new Actor("radiologist2", rival));
            Assert.False(rivalClaim.Succeeded, "the claim made before the backup must still be its holder's");
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
            var kept = await db.Reports.AsNoTracking().SingleAsync(r => r.ExamId == heldExam && r.SignedAt == null);
            Assert.Equal(draft, kept.Text);
        }
        finally
        {
            File.Delete(dump);
        }
    }


    private static async Task AssertAuditIsAppendOnlyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in new[] { "UPDATE \"AuditEvents\" SET \"Detail\" = 'changed'", "DELETE FROM \"AuditEvents\"",
            "TRUNCATE \"AuditEvents\"" })
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }
    }
}
