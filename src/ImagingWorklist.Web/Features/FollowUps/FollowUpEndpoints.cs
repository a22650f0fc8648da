using System.Globalization;
using System.Security.Claims;
using System.Text;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.FollowUps;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Features.FollowUps;

/// <summary>The follow-up tracking list as CSV, within the caller's trusts.</summary>
internal static class FollowUpEndpoints
{
    public static WebApplication MapFollowUpEndpoints(this WebApplication app)
    {
        app.MapGet("/api/follow-ups.csv", CsvAsync).RequireAuthorization(WorklistPolicies.Oversight);
        return app;
    }

    private static async Task<IResult> CsvAsync(ClaimsPrincipal user, FollowUpService followUps, TimeProvider clock, string? view,
        CancellationToken cancellationToken)
    {
        if (FollowUpViews.Parse(view) is not { } chosen)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"view must be one of {FollowUpViews.Accepted}, not '{StoredText.Echo(view ?? string.Empty)}'.");
        }

        var rows = await followUps.ListAsync(user.AccessScope(), chosen, cancellationToken: cancellationToken);
        var text = new StringBuilder()
            .Append(CsvText.Line("due_by", "status", "overdue", "trust", "patient", "nhs_number", "local_record_number", "recommended",
                "procedure_code", "reason",
                "for", "for_name", "recommended_by", "recommended_on", "from_accession", "state")).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(
                CsvText.Line(Iso(row.DueBy), Labels.Of(row.Status), row.Overdue ? "yes" : "no", row.TrustName, row.PatientName,
                row.NhsNumber, row.PatientMrn, row.What,
                row.ProcedureCode, row.Reason, Labels.Of(row.Recipient), row.RecipientName, row.RecommendedBy,
                    Iso(UkCalendar.DayOf(row.RecommendedAt)), row.Accession,
                FollowUpWords.Status(row))).Append("\r\n");
        }

        var today = UkCalendar.DayOf(clock.GetUtcNow());
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8",
            $"follow-ups-{FollowUpViews.KeyOf(chosen)}-{Iso(today)}.csv");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
