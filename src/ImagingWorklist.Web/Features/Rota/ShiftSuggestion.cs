using System.Globalization;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using Microsoft.AspNetCore.WebUtilities;

namespace ImagingWorklist.Web.Features.Rota;

/// <summary>
/// A shift the product proposes (to fill a cover gap, or as a forecast's or what-if's most useful session), carried to
/// the rota's shift editor in the address so any page can offer *Add to rota*: <c>/rota?add=shift&amp;day=…</c>. The
/// coordinator still chooses and checks; every rota rule applies when they save.
/// </summary>
public sealed record ShiftSuggestion(DateOnly Day, TimeOnly From, TimeOnly Until, ShiftKind Kind, Guid? TrustId, Guid? ReporterId,
    int Capacity, string Why)
{
    /// <summary>The longest reason an address may carry; a longer one is cut, never refused.</summary>
    public const int MaxWhy = 200;

    /// <summary>A proposal for the hours from <paramref name="start"/> to <paramref name="end"/> (at most a day), its kind from when it
    /// falls.</summary>
    public static ShiftSuggestion For(DateTimeOffset start, DateTimeOffset end, string why, Guid? trustId = null, Guid? reporterId = null,
        int? capacity = null)
    {
        var (from, until) = (UkCalendar.ToLocal(start), UkCalendar.ToLocal(end > start.AddHours(24) ? start.AddHours(12) : end));
        var kind = from.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && from.Hour is >= 8 and < 18 && until.Hour <= 18
            && until.Date == from.Date
            ? ShiftKind.InHoursSession
            : ShiftKind.OnCallFirst;

        // Half the shift's minutes by default: a reporter's time on a shift is not all reading time.
        var minutes = (int)(until - from).TotalMinutes;
        return new ShiftSuggestion(DateOnly.FromDateTime(from.DateTime), TimeOnly.FromDateTime(from.DateTime),
            TimeOnly.FromDateTime(until.DateTime), kind, trustId, reporterId,
            capacity ?? Math.Max(30, minutes / 2 / 10 * 10), why);
    }

    public string Address => QueryHelpers.AddQueryString("/rota", new Dictionary<string, string?>
    {
        ["add"] = "shift",
        ["day"] = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["from"] = From.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["until"] = Until.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["kind"] = Kind.ToString(),
        ["trust"] = TrustId?.ToString(),
        ["reporter"] = ReporterId?.ToString(),
        ["capacity"] = Capacity.ToString(CultureInfo.InvariantCulture),
        ["why"] = Why,
    }.Where(p => p.Value is not null));

    /// <summary>The suggestion an address carries, or why it cannot be read (never silently part of one).</summary>
    public static (ShiftSuggestion? Suggestion, string? Problem) Read(string? day, string? from, string? until, string? kind,
        string? trust, string? reporter, string? capacity, string? why, DateOnly today)
    {
        var problems = new List<string>();
        var date = UkCalendar.ParseDate(day, today);
        var start = UkCalendar.ParseTime(from);
        var end = UkCalendar.ParseTime(until);
        if (date is null || start is null || end is null)
        {
            problems.Add("a day (05/12/2026) and from and until times (18:00)");
        }

        var shiftKind = ShiftKind.InHoursSession;
        if (kind is not null && !Labels.TryParse(kind, out shiftKind))
        {
            problems.Add($"a kind of shift ({string.Join(", ", Labels.All<ShiftKind>())})");
        }

        Guid? trustId = null, reporterId = null;
        if (trust is not null)
        {
            trustId = Guid.TryParse(trust, out var t) ? t : null;
            if (trustId is null)
            {
                problems.Add("a trust as the rota's own links name it");
            }
        }

        if (reporter is not null)
        {
            reporterId = Guid.TryParse(reporter, out var r) ? r : null;
            if (reporterId is null)
            {
                problems.Add("a reporter as the rota's own links name them");
            }
        }

        var minutes = 240;
        if (capacity is not null
            && (!int.TryParse(capacity, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes is < 0 or > 24 * 60))
        {
            problems.Add("a capacity in whole reading minutes");
        }

        if (problems.Count > 0)
        {
            return (null,
                $"The suggested shift in this address could not be read: it needs {string.Join("; ", problems)}. Add the shift by hand, " +
                    $"or open the suggestion again from where it was made.");
        }

        var reason = (why ?? string.Empty).Trim();
        return (new ShiftSuggestion(date!.Value, start!.Value, end!.Value, shiftKind, trustId, reporterId, minutes, reason.Length > MaxWhy
            ? reason[..MaxWhy] : reason), null);
    }
}
