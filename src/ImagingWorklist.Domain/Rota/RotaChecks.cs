using System.Globalization;
using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Rota;

/// <summary>
/// The rules a rota change must keep. Refused: a shift that overlaps another of the same person's, covers a trust the
/// person holds no valid credential for, or promises more reading time than the shift lasts; on-call over leave.
/// Warned: a session over leave (the leave removes that cover), leave over on-call.
/// </summary>
public static class RotaChecks
{
    public static IReadOnlyList<RotaProblem> Check(ShiftPlan plan, RotaContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<RotaProblem>();
        if (plan.End <= plan.Start)
        {
            problems.Add(new RotaProblem("A shift must end after it starts.", true));
            return problems;
        }

        if (plan.End - plan.Start > TimeSpan.FromHours(24))
        {
            problems.Add(new RotaProblem("A shift may last at most 24 hours; split longer cover into shifts.", true));
        }

        if (plan.Scope != CoverScope.Network && plan.CoveredIds.Count == 0)
        {
            problems.Add(
                new RotaProblem(
                $"Say which {(plan.Scope == CoverScope.Trusts ? "trusts" : "sites")} the shift covers, or make it network-wide.", true));
        }

        if (plan.CapacityMinutes < 0)
        {
            problems.Add(new RotaProblem("Capacity cannot be negative.", true));
        }
        else if (plan.CapacityMinutes > plan.DurationMinutes)
        {
            problems.Add(new RotaProblem(
                $"Capacity of {plan.CapacityMinutes} reading minutes is more than 100 % of a {plan.DurationMinutes}-minute shift.", true));
        }

        foreach (var other in context.Shifts.Where(s => s.Id != plan.Id && s.ReporterId == plan.ReporterId
            && s.Overlaps(plan.Start, plan.End)))
        {
            problems.Add(
                new RotaProblem(
                $"{context.ReporterName} already has a shift then ({Describe(other.Kind)}, " +
                    $"{Span(other.Start, other.End, context.LocalTime)}).", true));
        }

        foreach (var trust in TrustsCovered(plan, context))
        {
            var valid = context.Credentials.Where(c => c.ReporterId == plan.ReporterId && c.TrustId == trust)
                .Any(c => c.ValidFrom <= plan.Start && (c.ValidTo is null || c.ValidTo >= plan.End));
            if (!valid)
            {
                problems.Add(new RotaProblem(
                    $"{context.ReporterName} holds no valid credential for {context.TrustNames.GetValueOrDefault(trust, "that trust")} " +
                        $"for the whole shift; grant one first (Admin).", true));
            }
        }

        if (plan.Scope == CoverScope.Network && !context.Credentials.Any(c => c.ReporterId == plan.ReporterId && c.IsValidAt(plan.Start)))
        {
            problems.Add(
                new RotaProblem(
                $"{context.ReporterName} holds no valid credential for any trust, so a network-wide shift would cover nothing.", true));
        }

        foreach (var absence in context.Absences.Where(a => a.ReporterId == plan.ReporterId && a.Overlaps(plan.Start, plan.End)))
        {
            problems.Add(plan.IsOutOfHours
                ? new RotaProblem(
                    $"{context.ReporterName} is on {Describe(absence.Kind)} {Span(absence.Start, absence.End, context.LocalTime)}; " +
                        $"on-call cannot clash with leave.", true)
                : new RotaProblem(
                    $"{context.ReporterName} is on {Describe(absence.Kind)} for part of this shift; the leave removes that cover.", false));
        }

        return problems;
    }

    /// <summary>Leave that clashes with on-call is recorded (leave wins) but warned about, so the on-call can be re-covered.</summary>
    public static IReadOnlyList<RotaProblem> CheckAbsence(Guid reporterId, DateTimeOffset start, DateTimeOffset end, AbsenceKind kind,
        RotaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (end <= start)
        {
            return [new RotaProblem("Leave must end after it starts.", true)];
        }

        return [.. context.Shifts
            .Where(s => s.ReporterId == reporterId && s.IsOutOfHours && s.Overlaps(start, end))
            .Select(s =>
                new RotaProblem(
                $"This {Describe(kind)} clashes with {context.ReporterName}'s {Describe(s.Kind)} (" +
                    $"{Span(s.Start, s.End, context.LocalTime)}): find cover for it.", false))];
    }

    public static string Describe(ShiftKind kind) => Labels.InSentence(Labels.Of(kind));

    public static string Describe(AbsenceKind kind) => Labels.InSentence(Labels.Of(kind));

    public static string Span(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo local)
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var from = TimeZoneInfo.ConvertTime(start, local);
        var to = TimeZoneInfo.ConvertTime(end, local);
        return from.Date == to.Date
            ? $"{from.ToString("ddd d MMM HH:mm", culture)}–{to.ToString("HH:mm", culture)}"
            : $"{from.ToString("ddd d MMM HH:mm", culture)}–{to.ToString("ddd d MMM HH:mm", culture)}";
    }

    private static IEnumerable<Guid> TrustsCovered(ShiftPlan plan, RotaContext context) => plan.Scope switch
    {
        CoverScope.Trusts => plan.CoveredIds.Distinct(),
        CoverScope.Sites => plan.CoveredIds.Select(s => context.TrustOfSite.GetValueOrDefault(s)).Where(t => t != Guid.Empty).Distinct(),
        _ => [],
    };
}
