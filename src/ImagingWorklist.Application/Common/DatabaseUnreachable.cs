using System.Data.Common;

namespace ImagingWorklist.Application.Common;

/// <summary>
/// Whether a failure means the database could not be reached just now (a restart, a network blip): the provider marks
/// such errors transient. Callers answer "try again" (503, or an HL7 AE to resend) rather than an internal error.
/// </summary>
public static class DatabaseUnreachable
{
    public static bool Caused(Exception? exception) =>
        exception is not null && (exception is DbException { IsTransient: true } || Caused(exception.InnerException)
            || (exception is AggregateException all && all.InnerExceptions.Any(Caused)));
}
