using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace ImagingWorklist.Migrations.Postgres;

/// <summary>Used only by the EF tools when adding migrations (no connection is opened); the app configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorklistDbContext>
{
    public WorklistDbContext CreateDbContext(string[] args) =>
        new(WorklistDatabase.Options(DatabaseProvider.Postgres, "Host=localhost;Database=imagingworklist_design"));
}
