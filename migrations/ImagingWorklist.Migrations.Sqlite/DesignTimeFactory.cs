using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace ImagingWorklist.Migrations.Sqlite;

/// <summary>Used only by the EF tools when adding migrations; the app configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorklistDbContext>
{
    public WorklistDbContext CreateDbContext(string[] args) =>
        new(WorklistDatabase.Options(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
