using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.TestSupport;

/// <summary>Small hand-made networks for tests whose expected numbers are worked out by hand.</summary>
public sealed class NetworkFixture
{
    private int _accession = 1;

    public NetworkFixture()
    {
        Network = new ImagingNetwork(Guid.NewGuid(), "Test Network");
        TrustA = new Trust(Guid.NewGuid(), Network.Id, OdsCode.FromTrusted("RTA"), "Alpha Trust");
        TrustB = new Trust(Guid.NewGuid(), Network.Id, OdsCode.FromTrusted("RTB"), "Beta Trust");
        SiteA = new Site(Guid.NewGuid(), TrustA.Id, OdsCode.FromTrusted("RTA01"), "Alpha General",
            "https://pacs.example/{StudyInstanceUid}");
        SiteB = new Site(Guid.NewGuid(), TrustB.Id, OdsCode.FromTrusted("RTB01"), "Beta Royal", "https://pacs.example/{StudyInstanceUid}");
    }

    public static TurnaroundPolicy Policy { get; } = new(TurnaroundPolicy.DefaultRules());

    public ImagingNetwork Network { get; }

    public Trust TrustA { get; }

    public Trust TrustB { get; }

    public Site SiteA { get; }

    public Site SiteB { get; }

    public IEnumerable<object> Organisations => [Network, TrustA, TrustB, SiteA, SiteB];

    /// <summary>
    /// A consultant neuro reporter credentialed for both trusts, on a network-wide session around <paramref name="now"/>;
    /// returns the reporter with the credential and shift rows to save beside it.
    /// </summary>
    public (Reporter Reporter, object[] Rows) OnDutyReporter(string name, DateTimeOffset now, int capacityMinutes = 240)
    {
        var reporter = new Reporter(Guid.NewGuid(), name, ProfessionalRole.ConsultantRadiologist, $"GMC{_accession++:D5}", TrustA.Id,
            [new ReporterSkill(Skill.General, 2), new ReporterSkill(Skill.Neuro, 3)]);
        object[] rows =
        [
            reporter,
            new Credential(Guid.NewGuid(), reporter.Id, TrustA.Id, now.AddYears(-1), null),
            new Credential(Guid.NewGuid(), reporter.Id, TrustB.Id, now.AddYears(-1), null),
            new RotaShift(Guid.NewGuid(), reporter.Id, ShiftKind.InHoursSession, now.AddHours(-2), now.AddHours(6), CoverScope.Network, [],
                capacityMinutes),
        ];
        return (reporter, rows);
    }

    /// <summary>An exam made ready <paramref name="readyAgo"/> before <paramref name="now"/>.</summary>
    public Exam ReadyExam(
        Site site,
        DateTimeOffset now,
        TimeSpan readyAgo,
        Pathway pathway = Pathway.Outpatient,
        Modality modality = Modality.CT,
        ClinicalPriority priority = ClinicalPriority.Routine,
        Patient? patient = null,
        string? accession = null)
    {
        var performed = now - readyAgo;
        var exam = Exam.Order(
            new ExamOrder(
                Guid.NewGuid(),
                site.TrustId,
                site.Id,
                AccessionNumber.FromTrusted(accession ?? $"ACC{_accession++:D6}"),
                StudyInstanceUid.FromTrusted($"1.2.826.0.1.3680043.8.498.{_accession}"),
                patient ?? new Patient("9434765919", "M0000001", "Test", "Patient", new DateOnly(1960, 6, 1), Sex.Female),
                modality,
                "HEAD",
                "CHEAD",
                "CT Head",
                Skill.Neuro,
                16,
                pathway,
                pathway == Pathway.Emergency ? PatientClass.Emergency : PatientClass.Outpatient,
                priority,
                "Test details",
                performed.AddMinutes(-30),
                performed),
            Policy,
            performed);
        exam.MarkReady(performed, performed, Policy);
        return exam;
    }
}
