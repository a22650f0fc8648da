using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace ImagingWorklist.Application.Tests.Research;

/// <summary>
/// A hand-made cohort at Alpha Trust (RTA) and Beta Trust (RTB), every report naming its patient, their NHS number and
/// accession, and the reporter. The request is for CT at Alpha Trust in November 2026. Worked by hand:
/// <list type="bullet">
/// <item>P1 (two CTs, 3 and 20 November) and P2–P5: women born 1962 (60–64): 6 rows, 5 patients, one cell of 5.</item>
/// <item>P6, the same cell, opted out: left out (the cell keeps 5 patients).</item>
/// <item>P7, a man of 93: a cell of one, suppressed (1 row).</item>
/// <item>P8, no valid NHS number: left out, unverifiable.</item>
/// <item>Left out by the cohort: P1's MR, a CT at Beta Trust, a CT in October, a CT not yet reported.</item>
/// </list>
/// </summary>
internal sealed class ResearchWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    public static readonly string[] Nhs =
        ["9434765919", "4010232137", "4857773457", "9434765870", "9434765862", "9434765854", "9434765846", "not-valid"];

    private readonly NetworkFixture network = new();

    private ResearchWorld(TestDatabase database)
    {
        Database = database;
        Clock = new FakeTimeProvider(Now);
        var settings = new ResearchSettings { BatchSize = 100 };
        Requests = new DataAccessRequests(database, Clock);
        Extracts = new ResearchExtracts(database, new ExtractBuilder(database, [new ParquetExtractFormat()], settings, Clock), Clock);
        OptOuts = new OptOuts(database, Clock);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public DataAccessRequests Requests { get; }

    public ResearchExtracts Extracts { get; }

    public OptOuts OptOuts { get; }

    public Reporter Reporter { get; private set; } = null!;

    public List<Exam> Exams { get; } = [];

    public static ResearchCaller Researcher { get; } = new(new Actor("researcher"), false);

    public static ResearchCaller Guardian { get; } = new(new Actor("guardian"), true);

    public static async Task<ResearchWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = new ResearchWorld(await TestDatabase.CreateAsync(provider));
        await world.SeedAsync();
        return world;
    }

    public static DataAccessDraft Draft(string title = "CT outcomes", ExtractFields fields = ExtractFields.All) => new(title,
        "Outcomes of CT in older women", "IRAS 312345",
        new ResearchCohort { TrustCodes = ["RTA"], From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30),
            Modalities = [Modality.CT] },
        fields, new DateOnly(2027, 6, 30));

    public async Task<Guid> ApprovedAsync(string title = "CT outcomes", ExtractFields fields = ExtractFields.All)
    {
        var id = (await Requests.DraftAsync(Draft(title, fields), Researcher.Actor)).ValueOrThrow();
        Assert.True((await Requests.SubmitAsync(id, Researcher.Actor)).Succeeded);
        Assert.True((await Requests.DecideAsync(id, true, "Ethics approval seen", Guardian)).Succeeded);
        return id;
    }

    public async Task<ExtractView> ExtractAsync(Guid requestId)
    {
        var started = await Extracts.StartAsync(requestId, Researcher);
        Assert.True(started.Succeeded, started.Reason);
        await Extracts.WhenBuiltAsync(started.Value);
        var view = await Extracts.GetAsync(started.Value, Researcher);
        Assert.NotNull(view);
        Assert.True(view.Status == ExtractStatus.Ready, view.Error);
        return view;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private async Task SeedAsync()
    {
        var (reporter, rows) = network.OnDutyReporter("Dr Ayesha Rahman", Now);
        Reporter = reporter;
        var november = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
        var women = new DateOnly(1962, 3, 1);
        for (var p = 0; p < 6; p++)
        {
            Add(network.SiteA, november.AddDays(p), Modality.CT, Patient(p, women, Sex.Female));
        }

        Add(network.SiteA, november.AddDays(17), Modality.CT, Patient(0, women, Sex.Female));
        Add(network.SiteA, november.AddDays(8), Modality.CT, Patient(6, new DateOnly(1933, 1, 2), Sex.Male));
        Add(network.SiteA, november.AddDays(9), Modality.CT, Patient(7, women, Sex.Female));
        Add(network.SiteA, november.AddDays(10), Modality.MR, Patient(0, women, Sex.Female));
        Add(network.SiteB, november.AddDays(4), Modality.CT, Patient(1, women, Sex.Female));
        Add(network.SiteA, november.AddDays(-10), Modality.CT, Patient(2, women, Sex.Female));
        Add(network.SiteA, november.AddDays(12), Modality.CT, Patient(3, women, Sex.Female), report: false);

        await using var db = Database.CreateDbContext();
        db.AddRange(network.Organisations);
        db.AddRange(rows);
        foreach (var exam in Exams)
        {
            db.Exams.Add(exam);
        }

        await db.SaveChangesAsync();
        foreach (var exam in Exams.Where(e => e.State == ExamState.Final))
        {
            var p = Array.IndexOf(Nhs, exam.Patient.NhsNumber?.Value ?? exam.Patient.UnverifiedNhsNumber);
            var report = Report.StartDraft(Guid.NewGuid(), exam.Id, Reporter.Id,
                $"CT of {exam.Patient.GivenName} {exam.Patient.FamilyName}, NHS number {Nhs[p]}, accession {exam.Accession}, hospital " +
                    $"number {exam.Patient.LocalMrn}, born {exam.Patient.DateOfBirth:dd/MM/yyyy}. No acute abnormality. " +
                    $"Reported by Dr Ayesha Rahman; discussed with Mrs {exam.Patient.FamilyName} on 07700 900461.",
                exam.ReportedAt!.Value);
            Assert.True(report.Sign(Reporter.Id, exam.ReportedAt.Value).Succeeded);
            db.Reports.Add(report);
        }

        await db.SaveChangesAsync();
    }

    private static Patient Patient(int p, DateOnly born, Sex sex) =>
        new(Nhs[p], $"RX{p + 1:D7}", $"Familyname{(char)('A' + p)}", $"Given{(char)('A' + p)}", born, sex);

    private void Add(Domain.Network.Site site, DateTimeOffset performed, Modality modality, Patient patient, bool report = true)
    {
        var exam = network.ReadyExam(site, performed, TimeSpan.Zero, modality: modality, patient: patient);
        if (report)
        {
            var reportedAt = performed.AddHours(5);
            Assert.True(exam.Claim(Reporter.Id, Guid.NewGuid(), TimeSpan.FromMinutes(30), reportedAt.AddMinutes(-20)).Succeeded);
            Assert.True(exam.Finalise(Reporter.Id, reportedAt).Succeeded);
        }

        Exams.Add(exam);
    }
}
