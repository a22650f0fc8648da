using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Application.Demo;

/// <summary>
/// A deterministic, synthetic imaging network: the same seed and the same "now" give the same network.
/// Every NHS number is in the 999 test range and passes its check digit; no real person is described.
/// </summary>
public sealed partial class DemoNetworkGenerator(DemoNetworkOptions options)
{
    private static readonly (string Ods, string Name, string[] Sites)[] TrustPlan =
    [
        ("RZ1", "Northfell Teaching Hospitals NHS Foundation Trust",
            ["Northfell Royal Infirmary", "Northfell General Hospital", "Castlegate Community Diagnostic Centre"]),
        ("RZ2", "Weardale and Tees Valley NHS Trust", ["Weardale University Hospital", "Tees Valley Hospital"]),
        ("RZ3", "Coastline Hospitals NHS Foundation Trust", ["Coastline General Hospital", "Harbour Community Hospital"]),
        ("RZ4", "Moorland and Dales NHS Trust", ["Moorland District Hospital", "Dales Community Diagnostic Centre"]),
        ("RZ5", "Riverside Acute NHS Foundation Trust", ["Riverside Hospital", "Bridgewater Hospital"]),
        ("RZ6", "Pennine Border Hospitals NHS Trust", ["Pennine Border Hospital"]),
    ];

    private static readonly string[] GivenNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophia", "Lily", "Freya", "Emily", "Aisha", "Priya", "Zara", "Ruth",
            "Margaret", "Jean",
        "Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Jack", "Oscar", "Mohammed", "Thomas", "David", "Sanjay", "Kwame", "Peter",
            "John", "Ian",
    ];

    private static readonly string[] FamilyNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans",
            "Walker",
        "White", "Roberts", "Green", "Hall", "Khan", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Ahmed", "Murphy", "Okafor",
            "Nowak", "Lewis", "Scott",
    ];

    private static readonly Skill[] Specialties =
    [
        Skill.Neuro, Skill.Musculoskeletal, Skill.Chest, Skill.Abdominal, Skill.Genitourinary, Skill.Breast,
        Skill.Paediatric, Skill.HeadAndNeck, Skill.Cardiac, Skill.Vascular, Skill.NuclearMedicine,
    ];

    private static readonly IReadOnlyList<Procedure> StandardProcedures = ProcedureCatalogue.Standard();

    private readonly Random _random = new(options.RandomSeed);

    /// <summary>The past weeks' rota and who signed what then: a stream of its own, so the rest of the demo is as it was.</summary>
    private readonly Random _past = new(options.RandomSeed ^ 0x2A5EED);

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
                var viewer =
                    $"https://pacs.{ods.ToLowerInvariant()}.example.nhs.uk/viewer?study={{StudyInstanceUid}}&accession={{AccessionNumber}}";
                sites.Add(new Site(NextGuid(), trust.Id, OdsCode.FromTrusted($"{ods}{i + 1:00}"), siteNames[i], viewer));
            }
        }

        var rules = TurnaroundPolicy.DefaultRules();
        var policy = new TurnaroundPolicy(rules);
        var reporters = GenerateReporters(trusts);
        var credentials = GenerateCredentials(reporters, trusts, now);
        var (shifts, absences) = GenerateRota(reporters, trusts, credentials, now);
        shifts.InsertRange(0, GeneratePastRota(reporters, credentials, absences, now));
        var (exams, reports) = GenerateExams(trusts, sites, reporters, (credentials, shifts, absences), policy, now);
        var (findings, followUps) = GenerateSafety(exams, reports, now);
        var (algorithms, results) = GenerateAi(trusts, exams, reports, reporters, now);
        return new DemoNetwork(network, trusts, sites, ProcedureCatalogue.Standard(), rules, reporters, credentials, shifts, absences,
            exams, reports, findings, followUps) { AiAlgorithms = algorithms, AiResults = results };
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
                    .. Specialties.OrderBy(_ => _random.Next()).Take(1 + _random.Next(3))
                        .Select(s => new ReporterSkill(s, 2 + _random.Next(2))),
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
            [new ReporterSkill(Skill.General, 2), new ReporterSkill(Skill.Neuro, 2), new ReporterSkill(Skill.Chest, 2),
                new ReporterSkill(Skill.Abdominal, 2)]));
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
                : [trusts.Single(t => t.Id == reporter.HomeTrustId), .. trusts.Where(t => t.Id != reporter.HomeTrustId)
                    .OrderBy(_ => _random.Next()).Take(_random.Next(4))];
            foreach (var trust in granted)
            {
                var from = now.AddDays(-_random.Next(60, 900));
                DateTimeOffset? to = _random.Next(10) switch
                {
                    0 => now.AddDays(_random.Next(2, 14)),
                    1 when trust.Id != reporter.HomeTrustId => now.AddDays(-_random.Next(1, 30)),
                    _ => null,
                };

                // An outsourced service holds its credentials for the length of its contract: its nights never outlast them.
                to = outsourced ? null : to;
                credentials.Add(new Credential(NextGuid(), reporter.Id, trust.Id, from, to));
            }
        }

        return credentials;
    }

    /// <summary>The rota keeps the rules a coordinator is held to (RotaChecks): no shift over 24 hours or outlasting a
    /// credential.</summary>
    private (List<RotaShift> Shifts, List<Absence> Absences) GenerateRota(List<Reporter> reporters, List<Trust> trusts,
        List<Credential> credentials, DateTimeOffset now)
    {
        var shifts = new List<RotaShift>();
        var absences = new List<Absence>();
        var firstDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-1);
        var people = reporters.Where(r => !r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal)).ToList();
        var consultants = people.Where(r => r.Role == ProfessionalRole.ConsultantRadiologist).ToList();

        foreach (var reporter in people.Where((_, i) => i % 11 == 3))
        {
            var start = firstDay.AddDays(_random.Next(0, 5));
            var kind = _random.Next(5) == 0 ? AbsenceKind.SickLeave : _random.Next(4) == 0 ? AbsenceKind.StudyLeave
                : AbsenceKind.AnnualLeave;
            absences.Add(new Absence(NextGuid(), reporter.Id, kind, start, start.AddDays(_random.Next(1, 5))));
        }

        bool Away(Reporter r, DateTimeOffset start, DateTimeOffset end) =>
            absences.Any(a => a.ReporterId == r.Id && a.Overlaps(start, end));

        // Credentialed for the trust (any trust when null) for the whole of a shift.
        bool Credentialed(Reporter r, Guid? trust, DateTimeOffset start, DateTimeOffset end) =>
            credentials.Any(c => c.ReporterId == r.Id && (trust is null || c.TrustId == trust) && c.ValidFrom <= start
                && (c.ValidTo is null || c.ValidTo >= end));

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
                    if (!Credentialed(reporter, networkWide ? null : reporter.HomeTrustId, start, end))
                    {
                        continue;
                    }

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
            var available = consultants.Where(r => !Away(r, nightStart, nightEnd) && Credentialed(r, null, nightStart, nightEnd))
                .OrderBy(_ => _random.Next()).ToList();
            ShiftKind[] outOfHours =
                [ShiftKind.OnCallFirst, ShiftKind.OnCallFirst, ShiftKind.OnCallSecond, ShiftKind.OutOfHoursHotReporting];
            for (var i = 0; i < outOfHours.Length && i < available.Count; i++)
            {
                shifts.Add(
                    new RotaShift(NextGuid(), available[i].Id, outOfHours[i], nightStart, nightEnd, CoverScope.Network, [],
                    outOfHours[i] == ShiftKind.OutOfHoursHotReporting ? 480 : 240));
            }
        }

        var telerad = reporters.Single(r => r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal));
        for (var night = 0; night < 8; night++)
        {
            var start = firstDay.AddDays(night).AddHours(20);
            shifts.Add(
                new RotaShift(NextGuid(), telerad.Id, ShiftKind.Teleradiology, start, start.AddHours(12), CoverScope.Trusts, trusts.Take(3)
                .Select(t => t.Id), 600));
        }

        return (shifts, absences);
    }

    /// <summary>
    /// The weeks the reported history covers are rostered too (consultants' in-hours sessions and network-wide nights),
    /// so each historical report was claimed by someone on duty, as the product requires, and activity has a rota to
    /// measure against. Same rules as the coming week: credentialed throughout, never over leave.
    /// </summary>
    private List<RotaShift> GeneratePastRota(List<Reporter> reporters, List<Credential> credentials, List<Absence> absences,
        DateTimeOffset now)
    {
        var shifts = new List<RotaShift>();
        var firstDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-1);
        var consultants =
            reporters.Where(r => r.Role == ProfessionalRole.ConsultantRadiologist
            && !r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal)).ToList();
        bool Free(Reporter r, DateTimeOffset start, DateTimeOffset end) =>
            !absences.Any(a => a.ReporterId == r.Id && a.Overlaps(start, end))
            && credentials.Any(c => c.ReporterId == r.Id && c.ValidFrom <= start && (c.ValidTo is null || c.ValidTo >= end));

        for (var date = firstDay.AddDays(-options.HistoryDays - 1); date < firstDay; date = date.AddDays(1))
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (!weekend)
            {
                foreach (var consultant in consultants.Where(_ => _past.NextDouble() < 0.6))
                {
                    var (start, end) = (date.AddHours(8), date.AddHours(18));
                    if (Free(consultant, start, end))
                    {
                        shifts.Add(
                            new RotaShift(NextGuid(_past), consultant.Id, ShiftKind.InHoursSession, start, end, CoverScope.Network, [],
                            480));
                    }
                }
            }

            var (nightStart, nightEnd) = (date.AddHours(weekend ? 8 : 18), date.AddDays(1).AddHours(8));
            foreach (var consultant in consultants.Where(c => Free(c, nightStart, nightEnd)
                && !shifts.Any(s => s.ReporterId == c.Id && s.Overlaps(nightStart, nightEnd)))
                .OrderBy(_ => _past.Next()).Take(4))
            {
                shifts.Add(
                    new RotaShift(NextGuid(_past), consultant.Id, ShiftKind.OnCallFirst, nightStart, nightEnd, CoverScope.Network, [],
                    240));
            }
        }

        return shifts;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Guid NextGuid() => NextGuid(_random);

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
