using System.Globalization;
using System.Security.Claims;
using System.Text;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Features.Dashboards;

/// <summary>The dashboard's tables as CSV, within the caller's trusts.</summary>
internal static class DashboardEndpoints
{
    public static WebApplication MapDashboardEndpoints(this WebApplication app)
    {
        app.MapGet("/api/dashboard/backlog.csv", BacklogAsync).RequireAuthorization(WorklistPolicies.Oversight);
        app.MapGet("/api/dashboard/turnaround.csv", TurnaroundAsync).RequireAuthorization(WorklistPolicies.Oversight);
        app.MapGet("/api/dashboard/activity.csv", ActivityAsync).RequireAuthorization(WorklistPolicies.PatientData);
        app.MapGet("/api/dashboard/forecast.csv", ForecastAsync).RequireAuthorization(WorklistPolicies.Oversight);
        app.MapGet("/api/dashboard/monthly-return.csv", MonthlyReturnAsync).RequireAuthorization(WorklistPolicies.Oversight);
        return app;
    }

    /// <summary>The seven-day forecast, day by day (the action search is the dashboard's: it takes longer).</summary>
    private static async Task<IResult> ForecastAsync(Application.Simulation.ForecastService forecasts, CancellationToken cancellationToken)
    {
        var forecast = await forecasts.RunAsync(suggestAction: false, cancellationToken: cancellationToken);
        var text = new StringBuilder().Append(CsvText.Line("day", "open_at_day_end", "breaches")).Append("\r\n");
        foreach (var day in forecast.Days)
        {
            text.Append(
                CsvText.Line(UkCalendar.ToLocal(day.Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Invariant(Math.Round(day.OpenAtEnd)), Invariant(Math.Round(day.Breaches, 1)))).Append("\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8",
            $"forecast-from-{forecast.From:yyyy-MM-dd}.csv");
    }

    /// <summary>The monthly turnaround return for a UK calendar month (yyyy-MM; the last complete month by default).</summary>
    private static async Task<IResult> MonthlyReturnAsync(ClaimsPrincipal user, MonthlyReturnQuery returns, TimeProvider clock,
        string? month, CancellationToken cancellationToken)
    {
        var thisMonth = UkCalendar.MonthOf(clock.GetUtcNow());
        DateOnly chosen;
        if (month is null)
        {
            chosen = thisMonth.AddMonths(-1);
        }
        else if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out chosen)
            || chosen > thisMonth)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"month must be a month up to this one, written yyyy-MM (for example {thisMonth.AddMonths(-1):yyyy-MM}).");
        }

        var result =
            await returns.ReturnAsync(chosen, UkCalendar.Midnight(chosen), UkCalendar.Midnight(chosen.AddMonths(1)), user.AccessScope(),
            cancellationToken);
        var text = new StringBuilder()
            .Append(CsvText.Line("month", "organisation_code", "organisation", "setting", "modality", "reported", "median_hours_approx",
                "p90_hours_approx",
                "within_target", "within_target_percent", "reported_over_4_weeks", "waiting_over_4_weeks_at_month_end")).Append("\r\n");
        foreach (var row in result.Rows)
        {
            text.Append(
                CsvText.Line(chosen.ToString("yyyy-MM", CultureInfo.InvariantCulture), row.OrganisationCode, row.Organisation, row.Setting,
                row.ModalityGroup, Invariant(row.Reported),
                Invariant(Math.Round(row.MedianHours, 1)), Invariant(Math.Round(row.P90Hours, 1)), Invariant(row.WithinTarget),
                    Invariant(Math.Round(100 * row.WithinTargetShare, 1)),
                Invariant(row.ReportedOverFourWeeks), Invariant(row.WaitingOverFourWeeks))).Append("\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"turnaround-return-{chosen:yyyy-MM}.csv");
    }

    /// <summary>Managers get every reporter in their trusts; a reporter gets their own row, as on the page.</summary>
    private static async Task<IResult> ActivityAsync(ClaimsPrincipal user, ReporterActivityQuery activity, TimeProvider clock, int? days,
        CancellationToken cancellationToken)
    {
        if (days is < 1 or > 366)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "days must be between 1 and 366.");
        }

        var seesAll = user.Oversees();
        var reporter = user.ReporterId();
        if (!seesAll && reporter is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Your account is not linked to a reporter, so it has no reporting activity.");
        }

        var now = clock.GetUtcNow();
        var period = days ?? 30;
        var report =
            await activity.ReportAsync(now.AddDays(-period), now, seesAll ? user.AccessScope()
            : Application.Security.AccessScope.WholeNetwork, seesAll ? null : reporter, cancellationToken);
        var skills = Enum.GetValues<Domain.Reporters.Skill>();
        var text = new StringBuilder()
            .Append(CsvText.Line(
                ["reporter", "role", "reports", "reading_minutes", "out_of_hours_minutes", "verified", "releases", "skips",
                "capacity_minutes", "utilisation",
                .. skills.Select(s => $"minutes_{s.ToString().ToLowerInvariant()}"),
                "claims", "took_first_offer", "taken_minutes", "offered_first_minutes"])).Append("\r\n");
        foreach (var row in report.Rows)
        {
            text.Append(
                CsvText.Line(
                [row.Name, Labels.Of(row.Role), Invariant(row.Reports), Invariant(row.Minutes), Invariant(row.OutOfHoursMinutes),
                Invariant(row.Verified),
                Invariant(row.Releases), Invariant(row.Skips), Invariant(Math.Round(row.CapacityMinutes)), row.Utilisation is { } u
                    ? Invariant(Math.Round(u, 3)) : string.Empty,
                .. skills.Select(s => Invariant(row.MinutesBySkill.GetValueOrDefault(s))),
                Invariant(row.Claims), Invariant(row.TookFirst), Invariant(row.TakenMinutes), Invariant(row.OfferedMinutes)]))
                .Append("\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8",
            $"activity-{period}-days-to-{now:yyyy-MM-dd}.csv");
    }

    private static async Task<IResult> TurnaroundAsync(ClaimsPrincipal user, TurnaroundQuery turnaround, TimeProvider clock, int? days,
        CancellationToken cancellationToken)
    {
        if (days is < 1 or > 366)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "days must be between 1 and 366.");
        }

        var now = clock.GetUtcNow();
        var report = await turnaround.ReportAsync(now.AddDays(-(days ?? 30)), now, user.AccessScope(), cancellationToken);
        var text = new StringBuilder()
            .Append(CsvText.Line("pathway", "modality", "trust", "reported", "median_minutes_approx", "p90_minutes_approx", "max_minutes",
            "within_target", "over_4_weeks")).Append("\r\n");
        foreach (var row in report.Rows)
        {
            text.Append(
                CsvText.Line(Labels.Of(row.Pathway), row.Modality.ToString(), row.TrustName, Invariant(row.Reported),
                Invariant(Math.Round(row.P50Minutes)), Invariant(Math.Round(row.P90Minutes)),
                Invariant(row.MaxMinutes), Invariant(row.WithinTarget), Invariant(row.OverFourWeeks))).Append("\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8",
            $"turnaround-{days ?? 30}-days-to-{now:yyyy-MM-dd}.csv");
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<IResult> BacklogAsync(ClaimsPrincipal user, BacklogBreakdownQuery breakdown, string? by,
        CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<BacklogDimension>(by ?? nameof(BacklogDimension.Trust), ignoreCase: true, out var dimension)
            || !Enum.IsDefined(dimension))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"by must be one of {string.Join(", ", Enum.GetNames<BacklogDimension>())}.");
        }

        var table = await breakdown.BreakdownAsync(dimension, user.AccessScope(), cancellationToken);
        var measures = Enum.GetValues<BacklogMeasure>();
        var text = new StringBuilder()
            .Append(CsvText.Line([BacklogTable.Of(dimension), .. measures.Select(BacklogTable.Heading)])).Append("\r\n");
        foreach (var line in table.Lines)
        {
            text.Append(
                CsvText.Line(
                [BacklogTable.LabelOf(dimension, line), .. measures.Select(m => line[m].ToString(CultureInfo.InvariantCulture))]))
                .Append("\r\n");
        }

        text.Append(CsvText.Line(["Total", .. measures.Select(m => table.Total(m).ToString(CultureInfo.InvariantCulture))])).Append("\r\n");
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8",
            $"backlog-by-{dimension.ToString().ToLowerInvariant()}-{table.At:yyyy-MM-dd-HHmm}.csv");
    }
}
