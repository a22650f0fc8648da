using System.Globalization;
using System.Security.Claims;
using System.Text;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Features.Rota;

/// <summary>The rota as files: a CSV export of a span of days, and an iCalendar feed of one person's shifts and leave.</summary>
internal static class RotaEndpoints
{
    public static WebApplication MapRotaEndpoints(this WebApplication app)
    {
        app.MapGet("/api/rota/export.csv", ExportAsync).RequireAuthorization(WorklistPolicies.Oversight);
        app.MapGet("/api/rota/calendar/{reporterId:guid}.ics", CalendarAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportAsync(RotaFiles rota, string? from, int? days, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Give the first day as from=yyyy-MM-dd (UK date).");
        }

        if (days is < 1 or > 62)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "days must be between 1 and 62.");
        }

        var csv = await rota.ExportCsvAsync(UkCalendar.Midnight(first), UkCalendar.Midnight(first.AddDays(days ?? 7)), cancellationToken);
        return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"rota-{first:yyyy-MM-dd}.csv");
    }

    /// <summary>A reporter's own feed, or anyone's for coordinators, managers and administrators: the next eight weeks and the last
    /// one.</summary>
    private static async Task<IResult> CalendarAsync(Guid reporterId, ClaimsPrincipal user, RotaFiles rota, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var mayReadAny = user.Oversees();
        if (!mayReadAny && user.ReporterId() != reporterId)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "You may download your own rota calendar; coordinators and managers may download anyone's.");
        }

        var now = clock.GetUtcNow();
        var calendar = await rota.CalendarAsync(reporterId, now.AddDays(-7), now.AddDays(56), cancellationToken);
        return calendar is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such reporter.")
            : Results.File(Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", "rota.ics");
    }
}
