using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Application.Demo;

public sealed record DemoNetworkOptions
{
    public int RandomSeed { get; init; } = 20231109;

    public int OpenExams { get; init; } = 3000;

    public int HistoryDays { get; init; } = 21;

    public int ReportedPerDay { get; init; } = 250;

    public int Reporters { get; init; } = 80;
}

public sealed record DemoNetwork(
    ImagingNetwork Network,
    IReadOnlyList<Trust> Trusts,
    IReadOnlyList<Site> Sites,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<TurnaroundRule> TurnaroundRules,
    IReadOnlyList<Reporter> Reporters,
    IReadOnlyList<Credential> Credentials,
    IReadOnlyList<RotaShift> Shifts,
    IReadOnlyList<Absence> Absences,
    IReadOnlyList<Exam> Exams,
    IReadOnlyList<Report> Reports);

/// <summary>
/// A deterministic, synthetic imaging network: the same seed and the same "now" give the same network.
/// Every NHS number is in the 999 test range and passes its check digit; no real person is described.
/// </summary>
public sealed class DemoNetworkGenerator(DemoNetworkOptions options)
{
    private static readonly (string Ods, string Name, string[] Sites)[] TrustPlan =
    [
        ("RZ1", "Northfell Teaching Hospitals NHS Foundation Trust", ["Northfell Royal Infirmary", "Northfell General Hospital", "Castlegate Community Diagnostic Centre"]),
        ("RZ2", "Weardale and Tees Valley NHS Trust", ["Weardale University Hospital", "Tees Valley Hospital"]),
        ("RZ3", "Coastline Hospitals NHS Foundation Trust", ["Coastline General Hospital", "Harbour Community Hospital"]),
        ("RZ4", "Moorland and Dales NHS Trust", ["Moorland District Hospital", "Dales Community Diagnostic Centre"]),
        ("RZ5", "Riverside Acute NHS Foundation Trust", ["Riverside Hospital", "Bridgewater Hospital"]),
        ("RZ6", "Pennine Border Hospitals NHS Trust", ["Pennine Border Hospital"]),
    ];

    private static readonly string[] GivenNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophia", "Lily", "Freya", "Emily", "Aisha", "Priya", "Zara", "Ruth", "Margaret", "Jean",
        "Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Jack", "Oscar", "Mohammed", "Thomas", "David", "Sanjay", "Kwame", "Peter", "John", "Ian",
    ];

    private static readonly string[] FamilyNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker",
        "White", "Roberts", "Green", "Hall", "Khan", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Ahmed", "Murphy", "Okafor", "Nowak", "Lewis", "Scott",
    ];

    private static readonly Skill[] Specialties =
    [
        Skill.Neuro, Skill.Musculoskeletal, Skill.Chest, Skill.Abdominal, Skill.Genitourinary, Skill.Breast,
        Skill.Paediatric, Skill.HeadAndNeck, Skill.Cardiac, Skill.Vascular, Skill.NuclearMedicine,
    ];

    private static readonly IReadOnlyList<Procedure> StandardProcedures = ProcedureCatalogue.Standard();

    private readonly Random _random = new(options.RandomSeed);

    public DemoNetwork Generate(DateTimeOffset now)
    {
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var network = new ImagingNetwork(NextGuid(), "North Pennine Imaging Network");
        var trusts = new List<Trust>();
        var sites = new List<Site>();
        foreach (var (ods, name, siteNames) in TrustPlan)
        {
            var trust = new Trust(NextGuid(), network.Id, OdsCode.FromTrusted(ods), name);
            trusts.Add(trust);
            for (var i = 0; i < siteNames.Length; i++)
            {
                var viewer = $"https://pacs.{ods.ToLowerInvariant()}.example.nhs.uk/viewer?study={{StudyInstanceUid}}&accession={{AccessionNumber}}";
                sites.Add(new Site(NextGuid(), trust.Id, OdsCode.FromTrusted($"{ods}{i + 1:00}"), siteNames[i], viewer));
            }
        }

        var rules = TurnaroundPolicy.DefaultRules();
        var policy = new TurnaroundPolicy(rules);
        var reporters = GenerateReporters(trusts);
        var credentials = GenerateCredentials(reporters, trusts, now);
        var (shifts, absences) = GenerateRota(reporters, trusts, now);
        var (exams, reports) = GenerateExams(trusts, sites, reporters, shifts, policy, now);
        return new DemoNetwork(network, trusts, sites, ProcedureCatalogue.Standard(), rules, reporters, credentials, shifts, absences, exams, reports);
    }

    private List<Reporter> GenerateReporters(List<Trust> trusts)
    {
        var reporters = new List<Reporter>();
        var registrars = options.Reporters * 3 / 16;
        var radiographers = options.Reporters * 3 / 16;
        var consultants = options.Reporters - registrars - radiographers;
        for (var i = 0; i < options.Reporters; i++)
        {
            var role = i < consultants ? ProfessionalRole.ConsultantRadiologist
                : i < consultants + registrars ? ProfessionalRole.Registrar
                : ProfessionalRole.ReportingRadiographer;
            var home = trusts[i % trusts.Count];
            var title = role == ProfessionalRole.ReportingRadiographer ? string.Empty : "Dr ";
            var name = $"{title}{Pick(GivenNames)} {Pick(FamilyNames)}";
            var registration = role == ProfessionalRole.ReportingRadiographer ? $"RA{100000 + i:D6}" : $"{7000000 + (i * 7919):D7}";
            List<ReporterSkill> skills = role switch
            {
                ProfessionalRole.ConsultantRadiologist =>
                [
                    new ReporterSkill(Skill.General, 2),
                    .. Specialties.OrderBy(_ => _random.Next()).Take(1 + _random.Next(3)).Select(s => new ReporterSkill(s, 2 + _random.Next(2))),
                ],
                ProfessionalRole.Registrar => [new ReporterSkill(Skill.General, 1), new ReporterSkill(Pick(Specialties), 1)],
                _ => [new ReporterSkill(Skill.Musculoskeletal, 1), new ReporterSkill(Skill.Chest, 1), new ReporterSkill(Skill.General, 1)],
            };
            IEnumerable<string> scope = role switch
            {
                ProfessionalRole.ReportingRadiographer => _random.Next(4) == 0 ? ["DX:*", "CR:*", "CT:HEAD"] : ["DX:*", "CR:*"],
                ProfessionalRole.Registrar => ["DX:*", "CR:*", "US:*", "CT:*", "MR:*"],
                _ => [],
            };
            reporters.Add(new Reporter(NextGuid(), name, role, registration, home.Id, skills, scope));
        }

        reporters.Add(new Reporter(
            NextGuid(),
            "Northern Teleradiology Ltd (outsourced)",
            ProfessionalRole.ConsultantRadiologist,
            "TELERAD01",
            trusts[0].Id,
            [new ReporterSkill(Skill.General, 2), new ReporterSkill(Skill.Neuro, 2), new ReporterSkill(Skill.Chest, 2), new ReporterSkill(Skill.Abdominal, 2)]));
        return reporters;
    }

    private List<Credential> GenerateCredentials(List<Reporter> reporters, List<Trust> trusts, DateTimeOffset now)
    {
        var credentials = new List<Credential>();
        foreach (var reporter in reporters)
        {
            var outsourced = reporter.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal);
            var granted = outsourced
                ? trusts
                : [trusts.Single(t => t.Id == reporter.HomeTrustId), .. trusts.Where(t => t.Id != reporter.HomeTrustId).OrderBy(_ => _random.Next()).Take(_random.Next(4))];
            foreach (var trust in granted)
            {
                var from = now.AddDays(-_random.Next(60, 900));
                DateTimeOffset? to = _random.Next(10) switch
                {
                    0 => now.AddDays(_random.Next(2, 14)),
                    1 when trust.Id != reporter.HomeTrustId => now.AddDays(-_random.Next(1, 30)),
                    _ => null,
                };
                credentials.Add(new Credential(NextGuid(), reporter.Id, trust.Id, from, to));
            }
        }

        return credentials;
    }

    private (List<RotaShift> Shifts, List<Absence> Absences) GenerateRota(List<Reporter> reporters, List<Trust> trusts, DateTimeOffset now)
    {
        var shifts = new List<RotaShift>();
        var absences = new List<Absence>();
        var firstDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-1);
        var people = reporters.Where(r => !r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal)).ToList();
        var consultants = people.Where(r => r.Role == ProfessionalRole.ConsultantRadiologist).ToList();

        foreach (var reporter in people.Where((_, i) => i % 11 == 3))
        {
            var start = firstDay.AddDays(_random.Next(0, 5));
            var kind = _random.Next(5) == 0 ? AbsenceKind.SickLeave : _random.Next(4) == 0 ? AbsenceKind.StudyLeave : AbsenceKind.AnnualLeave;
            absences.Add(new Absence(NextGuid(), reporter.Id, kind, start, start.AddDays(_random.Next(1, 5))));
        }

        bool Away(Reporter r, DateTimeOffset start, DateTimeOffset end) =>
            absences.Any(a => a.ReporterId == r.Id && a.Overlaps(start, end));

        for (var day = 0; day < 8; day++)
        {
            var date = firstDay.AddDays(day);
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (!weekend)
            {
                foreach (var reporter in people.Where(r => _random.NextDouble() < 0.6))
                {
                    var (start, end) = (date.AddHours(8), date.AddHours(_random.Next(2) == 0 ? 13 : 18));
                    if (Away(reporter, start, end))
                    {
                        continue;
                    }

                    var networkWide = _random.Next(4) == 0;
                    shifts.Add(new RotaShift(
                        NextGuid(),
                        reporter.Id,
                        ShiftKind.InHoursSession,
                        start,
                        end,
                        networkWide ? CoverScope.Network : CoverScope.Trusts,
                        networkWide ? [] : [reporter.HomeTrustId],
                        (int)((end - start).TotalMinutes * 0.8)));
                }
            }

            var nightStart = date.AddHours(weekend ? 8 : 18);
            var nightEnd = date.AddDays(1).AddHours(8);
            var available = consultants.Where(r => !Away(r, nightStart, nightEnd)).OrderBy(_ => _random.Next()).ToList();
            ShiftKind[] outOfHours = [ShiftKind.OnCallFirst, ShiftKind.OnCallFirst, ShiftKind.OnCallSecond, ShiftKind.OutOfHoursHotReporting];
            for (var i = 0; i < outOfHours.Length && i < available.Count; i++)
            {
                shifts.Add(new RotaShift(NextGuid(), available[i].Id, outOfHours[i], nightStart, nightEnd, CoverScope.Network, [], outOfHours[i] == ShiftKind.OutOfHoursHotReporting ? 480 : 240));
            }
        }

        var telerad = reporters.Single(r => r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal));
        shifts.Add(new RotaShift(NextGuid(), telerad.Id, ShiftKind.Teleradiology, firstDay.AddHours(20), firstDay.AddDays(8), CoverScope.Trusts, trusts.Take(3).Select(t => t.Id), 600));
        return (shifts, absences);
    }

    private (List<Exam> Exams, List<Report> Reports) GenerateExams(
        List<Trust> trusts, List<Site> sites, List<Reporter> reporters, List<RotaShift> shifts, TurnaroundPolicy policy, DateTimeOffset now)
    {
        var exams = new List<Exam>();
        var reports = new List<Report>();
        var accessionCounters = trusts.ToDictionary(t => t.Id, _ => 1000);
        var patients = new List<(Guid TrustId, Patient Patient)>();
        var onDutyNow = shifts.Where(s => s.IsOnDutyAt(now)).Select(s => s.ReporterId).Distinct().ToList();
        var consultants = reporters.Where(r => r.Role == ProfessionalRole.ConsultantRadiologist).ToList();

        Exam NewExam(DateTimeOffset performedAt, Pathway pathway)
        {
            var procedure = PickProcedure(pathway);
            var site = Pick(sites);
            var patient = PatientFor(site.TrustId, procedure, patients, now);
            var patientClass = pathway switch
            {
                Pathway.Emergency => PatientClass.Emergency,
                Pathway.Inpatient => PatientClass.Inpatient,
                Pathway.GpDirectAccess => PatientClass.GeneralPractice,
                _ => PatientClass.Outpatient,
            };
            var priority = pathway switch
            {
                Pathway.Emergency => _random.Next(3) == 0 ? ClinicalPriority.Stat : ClinicalPriority.Asap,
                Pathway.Inpatient => _random.Next(3) == 0 ? ClinicalPriority.Urgent : ClinicalPriority.Routine,
                Pathway.UrgentSuspectedCancer => ClinicalPriority.Urgent,
                _ => ClinicalPriority.Routine,
            };
            var number = accessionCounters[site.TrustId]++;
            var trustOds = trusts.Single(t => t.Id == site.TrustId).OdsCode.Value;
            var order = new ExamOrder(
                NextGuid(),
                site.TrustId,
                site.Id,
                AccessionNumber.FromTrusted($"{trustOds}{number:D8}"),
                StudyInstanceUid.FromTrusted($"2.25.{(ulong)_random.NextInt64(1L << 60, long.MaxValue)}{_random.Next(100000, 999999)}"),
                patient,
                procedure.Modality,
                procedure.BodyPart,
                procedure.Code,
                procedure.Description,
                procedure.RequiredSkill,
                procedure.ExpectedReadingMinutes,
                pathway,
                patientClass,
                priority,
                ClinicalDetails(pathway, procedure),
                performedAt.AddMinutes(-_random.Next(30, 60 * 24)),
                performedAt);
            var exam = Exam.Order(order, policy, performedAt);
            exam.MarkReady(performedAt, performedAt.AddMinutes(_random.Next(2, 30)), policy);
            return exam;
        }

        for (var i = 0; i < options.OpenExams; i++)
        {
            var pathway = PickPathway();
            var ageMinutes = pathway switch
            {
                Pathway.Emergency => _random.Next(5, 45),
                Pathway.Inpatient => _random.Next(10, 26 * 60),
                Pathway.UrgentSuspectedCancer => _random.Next(60, 6 * 24 * 60),
                _ => i % 100 == 0 ? _random.Next(8 * 24 * 60, 30 * 24 * 60) : _random.Next(60, 5 * 24 * 60),
            };
            var exam = NewExam(now.AddMinutes(-ageMinutes - 30), pathway);
            var state = _random.Next(100);
            if (state < 5 && onDutyNow.Count > 0)
            {
                var holder = Pick(onDutyNow);
                exam.Claim(holder, NextGuid(), TimeSpan.FromMinutes(20), now.AddMinutes(-_random.Next(1, 15)));
                reports.Add(Report.StartDraft(NextGuid(), exam.Id, holder, "Findings: ", now.AddMinutes(-1)));
            }
            else if (state < 7)
            {
                exam.Hold(_random.Next(2) == 0 ? "Awaiting prior imaging from another trust" : "Awaiting clinical information from referrer", now.AddHours(-_random.Next(1, 12)));
            }

            exams.Add(exam);
        }

        var historyStart = now.AddDays(-options.HistoryDays);
        for (var day = 0; day < options.HistoryDays; day++)
        {
            for (var i = 0; i < options.ReportedPerDay; i++)
            {
                var performed = historyStart.AddDays(day).AddMinutes(_random.Next(0, 24 * 60));
                var pathway = PickPathway();
                var exam = NewExam(performed, pathway);
                var target = exam.DueAt - exam.TurnaroundClockStart;
                var turnaround = TimeSpan.FromMinutes(target.TotalMinutes * (0.05 + (_random.NextDouble() * _random.NextDouble() * 1.4)));
                var signedAt = exam.ReadyAt!.Value + turnaround + TimeSpan.FromMinutes(exam.ExpectedReadingMinutes);
                if (signedAt >= now)
                {
                    continue;
                }

                var reporter = Pick(consultants);
                var claimedAt = signedAt.AddMinutes(-exam.ExpectedReadingMinutes);
                exam.Claim(reporter.Id, NextGuid(), TimeSpan.FromMinutes(20), claimedAt);
                var report = Report.StartDraft(NextGuid(), exam.Id, reporter.Id, $"{exam.ProcedureDescription}: no acute abnormality demonstrated.", claimedAt);
                report.Sign(reporter.Id, signedAt);
                exam.Finalise(reporter.Id, signedAt);
                exams.Add(exam);
                reports.Add(report);
            }
        }

        return (exams, reports);
    }

    private Patient PatientFor(Guid trustId, Procedure procedure, List<(Guid TrustId, Patient Patient)> patients, DateTimeOffset now)
    {
        // About one exam in ten belongs to a patient who already has one, so same-patient grouping has work to do.
        var known = patients.Where(p => p.TrustId == trustId).ToList();
        if (known.Count > 20 && _random.Next(10) == 0)
        {
            return known[_random.Next(known.Count)].Patient;
        }

        var female = procedure.Modality == Modality.MG || _random.Next(2) == 0;
        var age = procedure.RequiredSkill == Skill.Paediatric ? _random.Next(0, 16)
            : procedure.Modality == Modality.MG ? _random.Next(50, 71)
            : (int)Math.Clamp(20 + (_random.NextDouble() * 75), 18, 98);
        var dob = DateOnly.FromDateTime(now.UtcDateTime).AddYears(-age).AddDays(-_random.Next(0, 365));
        var patient = new Patient(
            NextNhsNumber(),
            $"M{_random.Next(1000000, 9999999)}",
            Pick(FamilyNames),
            female ? Pick(GivenNames[..16]) : Pick(GivenNames[16..]),
            dob,
            female ? Sex.Female : Sex.Male);
        patients.Add((trustId, patient));
        return patient;
    }

    private string NextNhsNumber()
    {
        while (true)
        {
            var first = $"999{_random.Next(0, 1_000_000):D6}";
            if (NhsNumber.CheckDigit(first) is { } check)
            {
                return first + check;
            }
        }
    }

    private Procedure PickProcedure(Pathway pathway)
    {
        // Mix per DOMAIN.md: plain film ~1/2, ultrasound ~1/5, CT ~1/8, MR ~1/15, the rest NM/PET/mammography/fluoroscopy/angiography.
        var roll = _random.NextDouble();
        Modality[] modalities = pathway == Pathway.Screening ? [Modality.MG]
            : roll < 0.50 ? [Modality.DX, Modality.CR]
            : roll < 0.70 ? [Modality.US]
            : roll < 0.825 ? [Modality.CT]
            : roll < 0.892 ? [Modality.MR]
            : [Modality.NM, Modality.PT, Modality.MG, Modality.RF, Modality.XA];
        var candidates = StandardProcedures.Where(p => modalities.Contains(p.Modality)).ToList();
        return Pick(candidates);
    }

    private Pathway PickPathway() => _random.Next(100) switch
    {
        < 15 => Pathway.Emergency,
        < 35 => Pathway.Inpatient,
        < 43 => Pathway.UrgentSuspectedCancer,
        < 70 => Pathway.Outpatient,
        < 98 => Pathway.GpDirectAccess,
        _ => Pathway.Screening,
    };

    private static string ClinicalDetails(Pathway pathway, Procedure procedure) => pathway switch
    {
        Pathway.Emergency => $"ED attendance. {procedure.Description} requested to exclude acute pathology.",
        Pathway.UrgentSuspectedCancer => "Urgent suspected cancer referral. Weight loss, query malignancy.",
        Pathway.Inpatient => "Inpatient. Clinical deterioration, please assess.",
        Pathway.Screening => "Routine screening round.",
        _ => "Persistent symptoms for several weeks. Please report.",
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
