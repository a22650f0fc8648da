using System.Text;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Parquet.Serialization;

namespace ImagingWorklist.Application.Tests.Research;

/// <summary>Extracts of an approved request on the hand-worked cohort of <see cref="ResearchWorld"/>, on both providers.</summary>
public class ResearchExtractTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheCohortIsExactlyTheHandWorkedOne(DatabaseProvider provider)
    {
        await using var world = await ResearchWorld.CreateAsync(provider);
        Assert.Equal(1, (await world.OptOuts.ImportAsync($"{ResearchWorld.Nhs[5]}\n", new("guardian"))).ValueOrThrow().Patients);
        var request = await world.ApprovedAsync();

        var extract = await world.ExtractAsync(request);

        Assert.Equal((6, 5, 1, 1, 1), (extract.Rows, extract.Patients, extract.Suppressed, extract.OptedOut, extract.Unverifiable));
        Assert.Equal(["data-dictionary.md", "patients.parquet", "reports.parquet", "studies.parquet"], extract.Files.Select(f => f.Name));
        var studies = await TableAsync(world, extract.Id, "studies.parquet");
        Assert.Equal(6, studies.Count);
        Assert.All(studies, s => Assert.Equal(("60-64", "RTA", "CT"), ((string)s["age_band"]!, (string)s["trust"]!,
            (string)s["modality"]!)));
        Assert.Equal(5, (await TableAsync(world, extract.Id, "patients.parquet")).Count);
        var dictionary = Encoding.UTF8.GetString((await world.Extracts.FileAsync(extract.Id, "data-dictionary.md",
            ResearchWorld.Researcher))
            .ValueOrThrow().Content);
        Assert.Contains("Rows suppressed as small cells (fewer than 5 patients share age band, sex, trust and month): 1", dictionary,
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NoDirectIdentifierSurvivesInAnyFieldOrInReportText(DatabaseProvider provider)
    {
        await using var world = await ResearchWorld.CreateAsync(provider);
        var extract = await world.ExtractAsync(await world.ApprovedAsync());

        var everything = new StringBuilder();
        foreach (var table in new[] { "patients.parquet", "studies.parquet", "reports.parquet" })
        {
            foreach (var row in await TableAsync(world, extract.Id, table))
            {
                everything.AppendJoin(" | ", row.Values).AppendLine();
            }
        }

        var text = everything.ToString();
        Assert.Contains("No acute abnormality", text, StringComparison.Ordinal);
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        foreach (var exam in world.Exams)
        {
            var p = exam.Patient;
            foreach (var identifier in new[] { p.GivenName, p.FamilyName, p.LocalMrn, exam.Accession.Value, p.DateOfBirth
                .ToString("dd/MM/yyyy") })
            {
                Assert.DoesNotContain(identifier, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain(p.NhsNumber?.Value ?? "not-valid", digits, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Rahman", text, StringComparison.Ordinal);
        Assert.DoesNotContain("900461", digits, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PseudonymsAreStableWithinARequestDifferentAcrossRequestsAndShiftsKeepIntervals(DatabaseProvider provider)
    {
        await using var world = await ResearchWorld.CreateAsync(provider);
        var one = await world.ApprovedAsync("First");
        var other = await world.ApprovedAsync("Second");

        var first = await TableAsync(world, (await world.ExtractAsync(one)).Id, "studies.parquet");
        var again = await TableAsync(world, (await world.ExtractAsync(one)).Id, "studies.parquet");
        var second = await TableAsync(world, (await world.ExtractAsync(other)).Id, "studies.parquet");

        static string[] Patients(List<Dictionary<string, object?>> rows) => [.. rows.Select(r => (string)r["patient_id"]!).Order()];
        Assert.Equal(Patients(first), Patients(again));
        Assert.Empty(Patients(first).Intersect(Patients(second)));

        // Unless the guardian links a later request with the first at approval.
        var linked = (await world.Requests.DraftAsync(ResearchWorld.Draft("Linked"), ResearchWorld.Researcher.Actor)).ValueOrThrow();
        await world.Requests.SubmitAsync(linked, ResearchWorld.Researcher.Actor);
        Assert.True((await world.Requests.DecideAsync(linked, true, null, ResearchWorld.Guardian, linkWith: one)).Succeeded);
        Assert.Equal(Patients(first), Patients(await TableAsync(world, (await world.ExtractAsync(linked)).Id, "studies.parquet")));
        Assert.Equal("First (IRAS 312345)", (await world.Requests.GetAsync(linked, ResearchWorld.Researcher))!.LinkedTo);

        // P1's two CTs were 17 days apart; shifted, they still are, and neither date is the true one.
        var p1 = first.GroupBy(r => (string)r["patient_id"]!).Single(g => g.Count() == 2).Select(r => Day(r["study_date"])).Order()
            .ToList();
        Assert.Equal(17, p1[1].DayNumber - p1[0].DayNumber);
        Assert.NotEqual(new DateOnly(2026, 11, 3), p1[0]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OptedOutPatientsNeverAppear(DatabaseProvider provider)
    {
        await using var world = await ResearchWorld.CreateAsync(provider);
        var request = await world.ApprovedAsync();
        var before = await world.ExtractAsync(request);
        Assert.True((await world.OptOuts.ImportAsync(string.Join("\r\n", ResearchWorld.Nhs[..2]), new("guardian"))).Succeeded);

        var after = await world.ExtractAsync(request);

        await using var db = world.Database.CreateDbContext();
        var secret = (await db.DataAccessRequests.SingleAsync(r => r.Id == request)).Secret;
        var pseudonyms = new Pseudonymiser(secret);
        var patients = (await TableAsync(world, after.Id, "patients.parquet")).Select(r => (string)r["patient_id"]!).ToList();
        Assert.Contains(pseudonyms.Pseudonym("P", ResearchWorld.Nhs[0]),
            (await TableAsync(world, before.Id, "patients.parquet")).Select(r => (string)r["patient_id"]!));
        Assert.DoesNotContain(pseudonyms.Pseudonym("P", ResearchWorld.Nhs[0]), patients);
        Assert.DoesNotContain(pseudonyms.Pseudonym("P", ResearchWorld.Nhs[1]), patients);

        // Without P1 and P2 the women's cell holds four patients (P3-P6): under k = 5 it goes too, with P7's cell of one.
        Assert.Equal((0, 3, 5), (after.Rows, after.OptedOut, after.Suppressed));
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.OptOutsImported && a.Detail.Contains("2 patients",
            StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NothingLeavesBeforeApprovalAfterRefusalOrAfterExpiry(DatabaseProvider provider)
    {
        await using var world = await ResearchWorld.CreateAsync(provider);
        var draft = (await world.Requests.DraftAsync(ResearchWorld.Draft(), ResearchWorld.Researcher.Actor)).ValueOrThrow();
        Assert.Contains("only an approved request", (await world.Extracts.StartAsync(draft, ResearchWorld.Researcher)).Reason,
            StringComparison.Ordinal);
        await world.Requests.SubmitAsync(draft, ResearchWorld.Researcher.Actor);
        Assert.False((await world.Requests.DecideAsync(draft, true, null, ResearchWorld.Researcher)).Succeeded);
        Assert.False((await world.Requests.DecideAsync(draft, false, "", ResearchWorld.Guardian)).Succeeded);
        Assert.True((await world.Requests.DecideAsync(draft, false, "No approval for free text", ResearchWorld.Guardian)).Succeeded);
        Assert.Contains("refused", (await world.Extracts.StartAsync(draft, ResearchWorld.Researcher)).Reason, StringComparison.Ordinal);

        var approved = await world.ApprovedAsync();
        var extract = await world.ExtractAsync(approved);
        world.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains("expired on 30/06/2027", (await world.Extracts.StartAsync(approved, ResearchWorld.Researcher)).Reason,
            StringComparison.Ordinal);
        Assert.Contains("expired", (await world.Extracts.FileAsync(extract.Id, "reports.parquet", ResearchWorld.Researcher)).Reason,
            StringComparison.Ordinal);

        // Another researcher sees neither the request nor its extract; a Bulk Data client of another request neither.
        var stranger = new ResearchCaller(new("someone else"), false);
        Assert.Null(await world.Requests.GetAsync(approved, stranger));
        Assert.Null(await world.Extracts.GetAsync(extract.Id, stranger));
        Assert.Null(await world.Extracts.GetAsync(extract.Id, new ResearchCaller(new("client"), false, draft)));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == AuditAction.DataAccessDecided));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABadOptOutFileChangesNothing(DatabaseProvider provider)
    {
        await using var world = await ResearchWorld.CreateAsync(provider);
        Assert.True((await world.OptOuts.ImportAsync($"{ResearchWorld.Nhs[0]}\n{ResearchWorld.Nhs[1]}\n", new("guardian"))).Succeeded);

        var refused = await world.OptOuts.ImportAsync($"{ResearchWorld.Nhs[2]}\n9434765918\n", new("guardian"));

        Assert.False(refused.Succeeded);
        Assert.Contains("line 2", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(2, await world.OptOuts.CountAsync());
    }

    /// <summary>Parquet's DATE is read back as a DateTime at midnight.</summary>
    private static DateOnly Day(object? value) => value is DateTime at ? DateOnly.FromDateTime(at) : (DateOnly)value!;

    private static async Task<List<Dictionary<string, object?>>> TableAsync(ResearchWorld world, Guid extractId, string name)
    {
        var file = (await world.Extracts.FileAsync(extractId, name, ResearchWorld.Researcher)).ValueOrThrow();
        using var stream = new MemoryStream(file.Content);
        var table = await ParquetSerializer.DeserializeUntypedAsync(stream);
        return [.. table.Data.Select(row => row.ToDictionary(c => c.Key, c => (object?)c.Value))];
    }
}
