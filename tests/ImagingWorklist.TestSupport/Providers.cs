using ImagingWorklist.Persistence;
using Xunit;

namespace ImagingWorklist.TestSupport;

/// <summary>Theory data: every data test runs once per provider.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
}
