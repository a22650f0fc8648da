using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Rota;

/// <summary>
/// Rota changes over a real database on both providers: the two consultants of the claiming world (network-wide
/// session until 16:00 UTC, credentials for both trusts) and three ready exams at 10:00 on Wednesday 25 November 2026.
/// </summary>
public class RotaServiceTests
{
    private static readonly Actor Coordinator = new("coordinator");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnOutOfHoursShiftMakesItsReporterEligibleAtOnceAndIsAudited(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var rota = Rota(world);
        var reporter = world.Reporters[0];
        var clock = world.Clock;

        // After the session ends at 16:00 the reporter sees nothing; an on-call shift from 18:00 brings the exams back.
        clock.Advance(TimeSpan.FromHours(9));
        world.Engine.Tick();
        Assert.Empty(world.Engine.RankedFor(reporter.Id));

        var saved =
            await rota.SaveShiftAsync(
            new ShiftDraft(null, reporter.Id, ShiftKind.OnCallFirst, clock.GetUtcNow().AddHours(-1), clock.GetUtcNow().AddHours(13),
            CoverScope.Network, [], 480), Coordinator);
        Assert.True(saved.Succeeded, saved.Reason);

        Assert.Equal(3, world.Engine.RankedFor(reporter.Id).Count);
        Assert.Contains(world.Announced, c => c.Kind == WorklistChangeKind.RotaChanged && c.ReporterId == reporter.Id);
        await using var db = world.Database.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditAction.RotaChanged);
        Assert.StartsWith("Shift added: Dr Reporter 1, on-call 1st,", audit.Detail, StringComparison.Ordinal);
        Assert.Equal("coordinator", audit.Actor);

        // Removing it takes the cover away again.
        Assert.True((await rota.DeleteShiftAsync(saved.Value!.Id, Coordinator)).Succeeded);
        Assert.Empty(world.Engine.RankedFor(reporter.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RefusedChangesSayWhyAndChangeNothing(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var rota = Rota(world);
        var now = world.Clock.GetUtcNow();
        var reporter = world.Reporters[0];

        var overlap =
            await rota.SaveShiftAsync(
            new ShiftDraft(null, reporter.Id, ShiftKind.InHoursSession, now, now.AddHours(2), CoverScope.Network, [], 60), Coordinator);
        var tooMuch =
            await rota.SaveShiftAsync(
            new ShiftDraft(null, reporter.Id, ShiftKind.OutOfHoursHotReporting, now.AddHours(8), now.AddHours(10), CoverScope.Network, [],
            121), Coordinator);

        Assert.Contains("already has a shift then", overlap.Reason, StringComparison.Ordinal);
        Assert.Contains("more than 100 %", tooMuch.Reason, StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(2, await db.RotaShifts.CountAsync());
        Assert.Empty(await db.AuditEvents.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACsvWithOneBadRowImportsNothingAndNamesEveryProblem(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var rota = Rota(world);
        var csv = $"""
            {RotaFiles.CsvHeader}
            {world.Reporters[0].RegistrationNumber},OnCallFirst,2026-11-28 18:00,2026-11-29 08:00,network,240
            {world.Reporters[1].RegistrationNumber},InHoursSession,2026-11-28 09:00,2026-11-28 13:00,RTA;RTB,200
            GMC99999,InHoursSession,2026-11-28 09:00,2026-11-28 13:00,network,200
            {world.Reporters[1].RegistrationNumber},Nightshift,2026-11-28 09:00,2026-11-28 13:00,network,200
            {world.Reporters[1].RegistrationNumber},InHoursSession,28/11/2026 09:00,2026-11-28 13:00,network,200
            {world.Reporters[1].RegistrationNumber},InHoursSession,2026-11-28 12:00,2026-11-28 15:00,network,100
            {world.Reporters[0].RegistrationNumber},OnCallSecond,2026-11-28 20:00,2026-11-28 22:00,XYZ,60
            """;

        var report = await Files(world).ImportCsvAsync(csv, Coordinator);

        Assert.False(report.Succeeded);
        Assert.Equal(0, report.Imported);
        Assert.Equal([4, 5, 6, 7, 8], report.Problems.Select(p => p.Row));
        Assert.Contains("No reporter has registration number or name 'GMC99999'", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("Kind 'Nightshift' is not one of: In-hours session, On-call 1st, On-call 2nd", report.Problems[1].Message,
            StringComparison.Ordinal);
        Assert.Contains("like 2026-12-05 18:00", report.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("already has a shift then", report.Problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("Cover 'XYZ'", report.Problems[4].Message, StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(2, await db.RotaShifts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnEditedExportImportsBackAddingChangingAndRemovingByShift(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var (first, second) = (world.Reporters[0].RegistrationNumber, world.Reporters[1].RegistrationNumber);
        var seeded = await Files(world).ImportCsvAsync($"""
            {RotaFiles.CsvHeader}
            {second},InHoursSession,2026-11-28 09:00,2026-11-28 13:00,RTA;RTB,200
            {second},Teleradiology,2026-11-28 13:00,2026-11-28 17:00,RTA01,120
            {first},OnCallFirst,2026-11-28 18:00,2026-11-29 08:00,network,240
            """, Coordinator);
        Assert.True(seeded.Succeeded);
        var (from, to) =
            (new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));
        var export = await Files(world).ExportCsvAsync(from, to);

        var again = await Files(world).ImportCsvAsync(export, Coordinator);

        Assert.True(again.Succeeded, string.Join("; ", again.Problems.Select(p => p.Message)));
        Assert.Equal((0, 0, 3, 0), (again.Imported, again.Changed, again.Unchanged, again.Removed));

        // Edited: the session's capacity lowered, the teleradiology row deleted, a new session added.
        var lines = export.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        lines[2] = lines[2].Replace(",200", ",180", StringComparison.Ordinal);
        lines.RemoveAt(3);
        lines.Add($",{first},InHoursSession,2026-11-28 08:00,2026-11-28 12:00,network,200");
        var edited = await Files(world).ImportCsvAsync(string.Join("\r\n", lines), Coordinator);

        Assert.True(edited.Succeeded, string.Join("; ", edited.Problems.Select(p => p.Message)));
        Assert.Equal((1, 1, 1, 1), (edited.Imported, edited.Changed, edited.Unchanged, edited.Removed));
        Assert.Equal((new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 28)), edited.Replaced);
        await using (var db = world.Database.CreateDbContext())
        {
            Assert.Equal(3, await db.RotaShifts.CountAsync(s => s.Start >= from && s.Start < to));
            Assert.False(await db.RotaShifts.AnyAsync(s => s.Kind == ShiftKind.Teleradiology));
            Assert.Equal(180,
                (await db.RotaShifts.SingleAsync(s => s.ReporterId == world.Reporters[1].Id && s.Start >= from && s.Start < to))
                .CapacityMinutes);
            Assert.Contains(await db.AuditEvents.Select(a => a.Detail).ToListAsync(), d
                => d == "Rota imported: 1 added, 1 changed, 1 removed (the file replaces 28 Nov 2026 to 28 Nov 2026)");
        }

        // Without its first line the file only adds and changes: nothing it leaves out is removed.
        var partial = await Files(world).ImportCsvAsync(string.Join("\r\n", lines.Skip(1).Take(2)), Coordinator);
        Assert.Equal((0, 0, 1, 0), (partial.Imported, partial.Changed, partial.Unchanged, partial.Removed));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnImportNamesRowsWhoseIdCannotBeUsedAndChangesNothing(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var (first, second) = (world.Reporters[0].RegistrationNumber, world.Reporters[1].RegistrationNumber);
        Assert.True(
            (await Files(world)
            .ImportCsvAsync($"{RotaFiles.CsvHeader}\n{first},OnCallFirst,2026-11-28 18:00,2026-11-29 08:00,network,240", Coordinator))
            .Succeeded);
        var export = await Files(world)
            .ExportCsvAsync(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));
        var row = export.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[2];
        var id = row.Split(',')[0];

        var report = await Files(world).ImportCsvAsync($"""
            id,{RotaFiles.CsvHeader}
            not-an-id,{first},InHoursSession,2026-11-27 09:00,2026-11-27 13:00,network,200
            {row}
            {row}
            {id},{second},OnCallFirst,2026-11-28 18:00,2026-11-29 08:00,network,240
            {Guid.NewGuid()},{first},InHoursSession,2026-11-26 09:00,2026-11-26 13:00,network,200
            """, Coordinator);
        var directive = await Files(world).ImportCsvAsync($"#replace-all\n{RotaFiles.CsvHeader}", Coordinator);

        Assert.Equal([2, 4, 5, 6], report.Problems.Select(p => p.Row));
        Assert.Contains("'not-an-id' is not a shift id", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("on an earlier row too", report.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("cannot be moved to another person", report.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("removed after the file was exported", report.Problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("The first line may only be #replaces", Assert.Single(directive.Problems).Message, StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        var (from, to) =
            (new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await db.RotaShifts.CountAsync(s => s.Start >= from && s.Start < to));
    }

    /// <summary>A coordinator types what the rota shows: people and trusts by name, kinds in words or code names.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACsvMayNamePeopleTrustsAndKindsAsTheRotaShowsThem(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var shouting = world.Reporters[1].DisplayName.ToUpperInvariant();
        var csv = $"""
            {RotaFiles.CsvHeader}
            {shouting},in-hours session,2026-11-28 09:00,2026-11-28 13:00,Alpha Trust; beta trust,200
            {world.Reporters[0].DisplayName},OnCallFirst,2026-11-28 18:00,2026-11-29 08:00,Network,240
            """;
        await using var db = world.Database.CreateDbContext();
        var before = await db.RotaShifts.Select(s => s.Id).ToListAsync();

        var report = await Files(world).ImportCsvAsync(csv, Coordinator);

        Assert.True(report.Succeeded, string.Join("; ", report.Problems.Select(p => p.Message)));
        var shifts = (await db.RotaShifts.ToListAsync()).Where(s => !before.Contains(s.Id)).OrderBy(s => s.Start).ToList();
        Assert.Equal(
            [(world.Reporters[1].Id, ShiftKind.InHoursSession, CoverScope.Trusts, 2),
            (world.Reporters[0].Id, ShiftKind.OnCallFirst, CoverScope.Network, 0)],
            shifts.Select(s => (s.ReporterId, s.Kind, s.Scope, s.CoveredIds.Count)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AGoodCsvImportsWholeAndExportsBackTheSame(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var rota = Rota(world);
        var csv = $"""
            {RotaFiles.CsvHeader}
            {world.Reporters[1].RegistrationNumber},In-hours session,2026-11-28 09:00,2026-11-28 13:00,RTA;RTB,200
            {world.Reporters[1].RegistrationNumber},Teleradiology cover,2026-11-28 13:00,2026-11-28 17:00,RTA01,120
            {world.Reporters[0].RegistrationNumber},On-call 1st,2026-11-28 18:00,2026-11-29 08:00,network,240
            """;

        var report = await Files(world).ImportCsvAsync(csv, Coordinator);

        Assert.True(report.Succeeded, string.Join("; ", report.Problems.Select(p => p.Message)));
        Assert.Equal(3, report.Imported);
        var exported =
            (await Files(world)
            .ExportCsvAsync(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("#replaces,2026-11-28,2026-11-28", exported[0]);
        Assert.Equal(csv.Split('\n').Select(l => l.Trim()), exported.Skip(1)
            .Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        Assert.All(exported.Skip(2), l => Assert.True(Guid.TryParse(l.Split(',')[0], out _), l));
        Assert.Contains(world.Announced, c => c.Kind == WorklistChangeKind.RotaChanged && c.ReporterId == world.Reporters[1].Id);
        Assert.Equal("The first line must be the header: " + RotaFiles.CsvHeader,
            Assert.Single((await Files(world).ImportCsvAsync("who,when\nx,y", Coordinator)).Problems).Message);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LeaveOverOnCallIsRecordedWithAWarningAndTheCalendarListsBoth(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var rota = Rota(world);
        var now = world.Clock.GetUtcNow();
        var reporter = world.Reporters[0];
        Assert.True(
            (await rota.SaveShiftAsync(
            new ShiftDraft(null, reporter.Id, ShiftKind.OnCallFirst, now.AddHours(8), now.AddHours(22), CoverScope.Network, [], 240),
            Coordinator)).Succeeded);

        var leave = await rota.AddAbsenceAsync(reporter.Id, AbsenceKind.SickLeave, now.AddHours(7), now.AddDays(2), Coordinator);

        Assert.True(leave.Succeeded, leave.Reason);
        Assert.Contains("clashes with Dr Reporter 1's on-call 1st", Assert.Single(leave.Value!.Warnings), StringComparison.Ordinal);
        var calendar = await Files(world).CalendarAsync(reporter.Id, now.AddDays(-1), now.AddDays(7));
        Assert.Contains("BEGIN:VCALENDAR", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:On-call 1st (240 reading min)", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Sick leave", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261125T180000Z", calendar, StringComparison.Ordinal);
        Assert.Null(await Files(world).CalendarAsync(Guid.NewGuid(), now, now.AddDays(1)));

        // Removing the leave is audited with whose leave it was.
        Assert.True((await rota.DeleteAbsenceAsync(leave.Value.Id, Coordinator)).Succeeded);
        await using var db = world.Database.CreateDbContext();
        var removed = await db.AuditEvents.SingleAsync(a => a.Detail.StartsWith("Leave removed"));
        Assert.StartsWith("Leave removed: Dr Reporter 1, sick leave,", removed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CoverGapsAndDemandComeFromTheRotaAndTheArrivalHistory(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var cover = new CoverQuery(world.Database);
        var now = world.Clock.GetUtcNow();
        await using (var db = world.Database.CreateDbContext())
        {
            db.Procedures.Add(new Domain.Catalogue.Procedure("CHEAD", "CT Head", Domain.Exams.Modality.CT, "HEAD", Skill.Neuro, 16));

            // A neuro exam at Beta became ready a week ago in what will be the gap's third hour: Beta's gap expects its work.
            var betaSite = await db.Sites.SingleAsync(s => s.TrustId == db.Trusts.Single(t => t.Name == "Beta Trust").Id);
            db.Exams.Add(new NetworkFixture().ReadyExam(betaSite, now, TimeSpan.FromDays(7) - TimeSpan.FromHours(8)));
            await db.SaveChangesAsync();
        }

        var gaps = await cover.GapsAsync(now, hours: 24);
        var demand = await cover.DemandAsync(now.AddDays(7).AddMinutes(-10), hours: 24, weeksOfHistory: 1);

        // Both consultants are on until 16:00 for both trusts: neuro is uncovered from 16:00 to 10:00 next day, at each trust.
        Assert.Equal(2, gaps.Count);
        Assert.All(gaps, g => Assert.Equal((Skill.Neuro, now.AddHours(6), now.AddHours(24)), (g.Skill, g.Start, g.End)));
        Assert.Equal([("Beta Trust", 4.0), ("Alpha Trust", 0.0)], gaps.Select(g => (g.TrustName, g.ExpectedMinutes)));

        // The three exams became ready at 09:50, 09:49 and 09:48 this week: 48 reading minutes in that hour of next week.
        Assert.Equal(48, demand.Single(d => d.Hour == now.AddDays(7).AddHours(-1)).DemandMinutes);
        Assert.Equal(0, demand.Where(d => d.Hour != now.AddDays(7).AddHours(-1)).Sum(d => d.DemandMinutes));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task JobPlansRollOutIntoShiftsOnceSkippingExceptionsAndOnCallOverLeave(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var rota = Rota(world);
        var (first, second) = (world.Reporters[0], world.Reporters[1]);
        var monday = new DateOnly(2026, 11, 30);
        var tuesdays = await Plans(world)
            .AddJobPlanEntryAsync(first.Id, DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(13, 0), ShiftKind.InHoursSession,
            CoverScope.Network, [], 240, monday, null, Coordinator);
        var thursdays = await Plans(world)
            .AddJobPlanEntryAsync(first.Id, DayOfWeek.Thursday, new TimeOnly(8, 0), new TimeOnly(13, 0), ShiftKind.InHoursSession,
            CoverScope.Network, [], 240, monday, null, Coordinator);
        var nights = await Plans(world)
            .AddJobPlanEntryAsync(second.Id, DayOfWeek.Wednesday, new TimeOnly(18, 0), new TimeOnly(8, 0), ShiftKind.OnCallFirst,
            CoverScope.Network, [], 480, monday, null, Coordinator);
        Assert.True(tuesdays.Succeeded && thursdays.Succeeded && nights.Succeeded);
        Assert.Contains("more than 100 %",
            (await Plans(world)
            .AddJobPlanEntryAsync(first.Id, DayOfWeek.Friday, new TimeOnly(8, 0), new TimeOnly(9, 0), ShiftKind.InHoursSession,
            CoverScope.Network, [], 90, monday, null, Coordinator)).Reason, StringComparison.Ordinal);
        Assert.Contains("is not a Thursday", (await Plans(world).AddJobPlanExceptionAsync(thursdays.Value, monday, Coordinator)).Reason,
            StringComparison.Ordinal);
        Assert.True((await Plans(world).AddJobPlanExceptionAsync(thursdays.Value, new DateOnly(2026, 12, 3), Coordinator)).Succeeded);
        await rota.AddAbsenceAsync(second.Id, AbsenceKind.AnnualLeave, new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), Coordinator);

        var report = await Plans(world).RollOutJobPlansAsync(monday, Coordinator);
        var again = await Plans(world).RollOutJobPlansAsync(monday, Coordinator);

        Assert.Equal(1, report.Imported);
        Assert.Contains("on-call cannot clash with leave", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(0, again.Imported);
        await using var db = world.Database.CreateDbContext();
        var rolled = await db.RotaShifts.SingleAsync(s => s.ReporterId == first.Id && s.Start > world.Clock.GetUtcNow().AddDays(1));
        Assert.Equal((new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero)),
            (rolled.Start, rolled.End));
    }

    private static RotaService Rota(ClaimingWorld world) => new(world.Database, world.Announce, world.Clock);

    private static RotaFiles Files(ClaimingWorld world) => new(world.Database, world.Announce, world.Clock);

    private static JobPlans Plans(ClaimingWorld world) => new(world.Database, world.Announce, world.Clock);
}
