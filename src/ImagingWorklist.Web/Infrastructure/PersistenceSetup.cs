using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Web.Infrastructure;

internal static class PersistenceSetup
{
    /// <summary>
    /// SQLite in a data directory by default (zero set-up); PostgreSQL when Database:Provider=Postgres and
    /// ConnectionStrings:Worklist are set. A wrong setting stops start-up with a message that says what to fix.
    /// </summary>
    public static IHostApplicationBuilder AddWorklistPersistence(this IHostApplicationBuilder builder)
    {
        var (provider, connectionString) = Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddDbContextFactory<WorklistDbContext>(options => options.Configure(provider, connectionString));
        return builder;
    }

    internal static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider '{providerText}' is not known; use Sqlite or Postgres.");
        }

        var connectionString = configuration.GetConnectionString("Worklist");
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Worklist is not set.")
                : (provider, connectionString);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.GetFullPath(configuration["Database:DataDirectory"] ?? Path.Combine(contentRoot, "data"));
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "imagingworklist.db")}";
        }

        return (provider, connectionString);
    }
}
