using System.Globalization;
using ImagingWorklist.Application.Audit;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Features.Admin;

/// <summary>The audit trail as CSV for administrators, with the viewer's filters. There is no endpoint that changes a row.</summary>
internal static class AuditEndpoints
{
    public const string ExportPath = "/api/audit/export.csv";

    public static WebApplication MapAuditEndpoints(this WebApplication app)
    {
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization(WorklistPolicies.Admin);
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, AuditQuery audit, AuditTrail trail, TimeProvider clock,
        string? from, string? to, string? action, string? actor, Guid? exam, CancellationToken cancellationToken)
    {
        if (!TryDate(from, out var start) || !TryDate(to, out var end))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "Dates must be written yyyy-MM-dd; each is a UK day, from midnight UK time (GMT or BST as the day falls).");
        }

        AuditAction? kind = null;
        if (!string.IsNullOrWhiteSpace(action))
        {
            if (!Labels.TryParse<AuditAction>(action, out var parsed))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: $"'{action}' is not an audited action. Use one of: {string.Join("; ", Labels.All<AuditAction>())}.");
            }

            kind = parsed;
        }

        var filter = new AuditFilter(start, end, kind, actor, exam);
        var count = await audit.CountAsync(filter, cancellationToken);
        if (count > AuditQuery.MaxExportRows)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"{count:N0} rows match; one export holds at most {AuditQuery.MaxExportRows:N0}. Narrow the dates or filters.");
        }

        // Exporting the trail is itself audited.
        await trail.RecordAsync(AuditAction.AuditExported, context.User.Identity?.Name ?? "unknown",
            $"Exported {count:N0} audit rows as CSV", context.Connection.RemoteIpAddress?.ToString());
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await audit.WriteCsvAsync(filter, context.Response.Body, cancellationToken);
        return Results.Empty;
    }

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = UkCalendar.Midnight(date);
            return true;
        }

        return false;
    }
}
