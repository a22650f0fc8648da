namespace ImagingWorklist.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
