using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Simulation;

/// <summary>
/// The standard scenario the benchmark targets are written against: a network of six trusts, a week from Monday
/// 00:00 UTC, arrivals in the NHS proportions of DOMAIN.md (pathways: ED 15 %, inpatient 20 %, urgent suspected
/// cancer 8 %, outpatient 27 %, GP 28 %, screening 2 %; modalities: plain film ~1/2, ultrasound ~1/5, CT ~1/8,
/// MR ~1/15), busier in the working day and on weekdays; consultants, registrars and reporting radiographers on
/// in-hours sessions, a network out-of-hours rota and an outsourced night service; a backlog already waiting.
/// </summary>
public static partial class StandardScenario
{
    private static readonly Skill[] Specialties =
    [
        Skill.Neuro, Skill.Musculoskeletal, Skill.Chest, Skill.Abdominal, Skill.Genitourinary, Skill.Breast,
        Skill.Paediatric, Skill.HeadAndNeck, Skill.Cardiac, Skill.Vascular, Skill.NuclearMedicine,
    ];

    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public static SimulationScenario Build(StandardScenarioOptions? options = null, DateTimeOffset? start = null)
    {
        options ??= new StandardScenarioOptions();
        var from = start ?? DefaultStart;
        var random = new Random(options.Seed);
        var trusts = Enumerable.Range(0, options.Trusts).Select(i => Id(1, i)).ToList();
        var sites = trusts.SelectMany((t, i) => Enumerable.Range(0, 2).Select(s => (Trust: t, Site: Id(2, (i * 2) + s)))).ToList();
        var procedures = ProcedureCatalogue.Standard();
        var turnaround = new TurnaroundPolicy(TurnaroundPolicy.DefaultRules());
        var arrivals = Arrivals(sites, procedures, options.ExamsPerDay);
        if (options.OutOfHoursShare is { } share)
        {
            arrivals = WithOutOfHoursShare(arrivals, share);
        }

        var reporters = Reporters(options, trusts, from, random);
        var backlog = Backlog(options, sites, procedures, turnaround, from, random);

        // Absence and speed draw from a stream of their own: with neither, the network is the standard one, draw for draw.
        var variation = new Random(unchecked((options.Seed * 31) + 7));
        reporters = WithAbsence(reporters, options.Absence, from, options.Days, variation);
        return new SimulationScenario("Standard network week", from, TimeSpan.FromDays(options.Days), reporters, backlog, arrivals,
            turnaround)
        {
            Behaviour = new SimulationBehaviour { ReadingTimeSpread = options.ReadingTimeSpread },
            Speeds = Speeds(reporters, options.SpeedSpread, variation),
        };
    }

    /// <summary>The hour-of-week shape: working hours carry most planned work; ED work is flatter through the day.</summary>
    internal static double HourWeight(int hourOfWeek, Pathway pathway)
    {
        var day = hourOfWeek / 24;
        var hour = hourOfWeek % 24;
        var weekend = day >= 5;
        if (pathway is Pathway.Emergency or Pathway.Inpatient)
        {
            var daytime = hour is >= 9 and < 22 ? 1.4 : 0.5;
            return daytime * (weekend ? 0.85 : 1.0);
        }

        var working = hour is >= 8 and < 18 ? 2.2 : hour is >= 18 and < 21 ? 0.5 : 0.05;
        return working * (weekend ? 0.25 : 1.0);
    }

    private static List<ArrivalKind> Arrivals(List<(Guid Trust, Guid Site)> sites, IReadOnlyList<Procedure> procedures, double perDay)
    {
        (Pathway Pathway, double Share)[] pathways =
        [
            (Pathway.Emergency, 0.15), (Pathway.Inpatient, 0.20), (Pathway.UrgentSuspectedCancer, 0.08),
            (Pathway.Outpatient, 0.27), (Pathway.GpDirectAccess, 0.28), (Pathway.Screening, 0.02),
        ];
        var kinds = new List<ArrivalKind>();
        foreach (var (pathway, share) in pathways)
        {
            var weights = Enumerable.Range(0, ArrivalKind.HoursPerWeek).Select(h => HourWeight(h, pathway)).ToArray();
            var weekly = weights.Sum();
            foreach (var (procedure, procedureShare) in ProcedureMix(procedures, pathway))
            {
                foreach (var (priority, priorityShare) in Priorities(pathway))
                {
                    foreach (var (trust, site) in sites)
                    {
                        var examsPerWeek = perDay * 7 * share * procedureShare * priorityShare / sites.Count;
                        kinds.Add(
                            new ArrivalKind(trust, site, procedure, pathway, ClassOf(pathway), priority,
                            [.. weights.Select(w => examsPerWeek * w / weekly)]));
                    }
                }
            }
        }

        return kinds;
    }

    private static IEnumerable<(Procedure, double)> ProcedureMix(IReadOnlyList<Procedure> procedures, Pathway pathway)
    {
        (Modality[] Modalities, double Share)[] mix = pathway switch
        {
            Pathway.Screening => [([Modality.MG], 1.0)],
            Pathway.Emergency => [([Modality.DX, Modality.CR], 0.55), ([Modality.CT], 0.32), ([Modality.US], 0.10), ([Modality.MR], 0.03)],
            _ => [([Modality.DX, Modality.CR], 0.50), ([Modality.US], 0.20), ([Modality.CT], 0.125), ([Modality.MR], 0.067),
                ([Modality.NM, Modality.PT, Modality.MG, Modality.RF, Modality.XA], 0.108)],
        };
        foreach (var (modalities, share) in mix)
        {
            var matching = procedures.Where(p => modalities.Contains(p.Modality) && (pathway == Pathway.Screening || p.Code != "MGSCR"))
                .ToList();
            foreach (var procedure in matching)
            {
                yield return (procedure, share / matching.Count);
            }
        }
    }

    private static IEnumerable<(ClinicalPriority, double)> Priorities(Pathway pathway) => pathway switch
    {
        Pathway.Emergency => [(ClinicalPriority.Stat, 1.0 / 3), (ClinicalPriority.Asap, 2.0 / 3)],
        Pathway.Inpatient => [(ClinicalPriority.Urgent, 1.0 / 3), (ClinicalPriority.Routine, 2.0 / 3)],
        Pathway.UrgentSuspectedCancer => [(ClinicalPriority.Urgent, 1.0)],
        _ => [(ClinicalPriority.Routine, 1.0)],
    };

    private static PatientClass ClassOf(Pathway pathway) => pathway switch
    {
        Pathway.Emergency => PatientClass.Emergency,
        Pathway.Inpatient => PatientClass.Inpatient,
        Pathway.GpDirectAccess => PatientClass.GeneralPractice,
        _ => PatientClass.Outpatient,
    };

    private static List<EngineReporter> Reporters(StandardScenarioOptions options, List<Guid> trusts, DateTimeOffset start, Random random)
    {
        var reporters = new List<EngineReporter>();
        var always = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var days = options.Days + 1;
        var consultantIds = new List<Guid>();

        List<EngineCredential> Credentials(Guid home) =>
            [.. new[] { home }.Concat(trusts.Where(t => t != home).OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                .Select(t => new EngineCredential(t, always, null))];

        // In-hours sessions read for every trust the reporter holds a credential for (a quarter: the whole network).
        List<EngineShift> Sessions(List<EngineCredential> credentials, int capacityPerHour, double chance, bool wholeDay)
        {
            var shifts = new List<EngineShift>();
            for (var d = 0; d < days; d++)
            {
                var date = start.AddDays(d);
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                var networkWide = random.Next(4) == 0;
                CoverScope scope = networkWide ? CoverScope.Network : CoverScope.Trusts;
                IReadOnlyList<Guid> covered = networkWide ? [] : [.. credentials.Select(c => c.TrustId)];
                (int From, int To)[] sessions = wholeDay ? [(8, 17)] : [(8, 13), (13, 18)];
                foreach (var (from, to) in sessions)
                {
                    if (random.NextDouble() < chance)
                    {
                        shifts.Add(
                            new EngineShift(date.AddHours(from), date.AddHours(to), ShiftKind.InHoursSession, scope, covered,
                            capacityPerHour * (to - from)));
                    }
                }
            }

            return shifts;
        }

        for (var i = 0; i < options.Consultants; i++)
        {
            var home = trusts[i % trusts.Count];
            var id = Id(3, i);
            consultantIds.Add(id);
            List<ReporterSkill> skills =
                [new(Skill.General, 2), .. Specialties.OrderBy(_ => random.Next()).Take(2 + random.Next(2))
                .Select(s => new ReporterSkill(s, 2 + random.Next(2)))];
            var credentials = Credentials(home);
            reporters.Add(
                new EngineReporter(id, $"Consultant {i + 1}", ProfessionalRole.ConsultantRadiologist, skills, [], credentials,
                Sessions(credentials, 48, 0.75, wholeDay: false), []));
        }

        for (var i = 0; i < options.Registrars; i++)
        {
            var home = trusts[i % trusts.Count];
            var credentials = Credentials(home);
            reporters.Add(
                new EngineReporter(Id(4, i), $"Registrar {i + 1}", ProfessionalRole.Registrar,
                [new(Skill.General, 1), new(Specialties[random.Next(Specialties.Length)], 1)],
                ["DX:*", "CR:*", "US:*", "CT:*", "MR:*"], credentials, Sessions(credentials, 30, 0.6, wholeDay: false), []));
        }

        for (var i = 0; i < options.Radiographers; i++)
        {
            var home = trusts[i % trusts.Count];
            var credentials = Credentials(home);
            reporters.Add(new EngineReporter(Id(5, i), $"Reporting radiographer {i + 1}", ProfessionalRole.ReportingRadiographer,
                [new(Skill.Musculoskeletal, 1), new(Skill.Chest, 1), new(Skill.General, 1)], ["DX:*", "CR:*"], credentials,
                    Sessions(credentials, 45, 0.8, wholeDay: true), []));
        }

        // Out of hours: a network rota of consultants (two hot-reporting, two first on-call, one second on-call).
        var outOfHours = new Dictionary<Guid, List<EngineShift>>();
        for (var d = -1; d < days; d++)
        {
            var date = start.AddDays(d);
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var (from, to) = (date.AddHours(weekend ? 8 : 18), date.AddDays(1).AddHours(8));
            var length = (int)(to - from).TotalMinutes;
            (ShiftKind Kind, int Capacity)[] rota =
            [
                (ShiftKind.OutOfHoursHotReporting, length * 9 / 10), (ShiftKind.OutOfHoursHotReporting, length * 9 / 10),
                (ShiftKind.OnCallFirst, 240), (ShiftKind.OnCallFirst, 240), (ShiftKind.OnCallSecond, 120),
            ];
            foreach (var ((kind, capacity), who) in rota.Zip(consultantIds.OrderBy(_ => random.Next()).Take(rota.Length)))
            {
                if (!outOfHours.TryGetValue(who, out var list))
                {
                    outOfHours[who] = list = [];
                }

                list.Add(new EngineShift(from, to, kind, CoverScope.Network, [], capacity));
            }
        }

        for (var i = 0; i < reporters.Count; i++)
        {
            if (outOfHours.TryGetValue(reporters[i].Id, out var extra))
            {
                // A night's on-call replaces that evening's sessions: nobody is rostered twice at once.
                var kept = reporters[i].Shifts.Where(s => !extra.Any(e => s.Start < e.End && e.Start < s.End));
                reporters[i] = reporters[i] with { Shifts = [.. kept, .. extra] };
            }
        }

        reporters.Add(new EngineReporter(Id(6, 0), "Outsourced teleradiology", ProfessionalRole.ConsultantRadiologist,
            [new(Skill.General, 2), new(Skill.Neuro, 2), new(Skill.Chest, 2), new(Skill.Abdominal, 2), new(Skill.Musculoskeletal, 2)], [],
            [.. trusts.Select(t => new EngineCredential(t, always, null))],
            [.. Enumerable.Range(-1, days + 1)
                .Select(d =>
                new EngineShift(start.AddDays(d).AddHours(20), start.AddDays(d + 1).AddHours(8), ShiftKind.Teleradiology,
                CoverScope.Trusts, trusts.Take(3).ToList(), 600))],
            []));
        return reporters;
    }

    private static List<EngineExam> Backlog(
        StandardScenarioOptions options, List<(Guid Trust, Guid Site)> sites, IReadOnlyList<Procedure> procedures,
            TurnaroundPolicy turnaround, DateTimeOffset start, Random random)
    {
        // Routine outpatient and GP work of the last three weeks, some of it old; a little urgent work from the night.
        var backlog = new List<EngineExam>();
        var routine = procedures.Where(p => p.Code != "MGSCR").ToList();
        for (var i = 0; i < options.BacklogExams; i++)
        {
            var (trust, site) = sites[random.Next(sites.Count)];
            var procedure = routine[random.Next(routine.Count)];
            var urgent = i % 20 == 0;
            var pathway = urgent ? Pathway.UrgentSuspectedCancer : i % 2 == 0 ? Pathway.Outpatient : Pathway.GpDirectAccess;
            var priority = urgent ? ClinicalPriority.Urgent : ClinicalPriority.Routine;
            var age = TimeSpan.FromHours(urgent ? random.Next(2, 72) : Math.Pow(random.NextDouble(), 2) * 21 * 24);
            var ready = start - age;
            backlog.Add(new EngineExam(
                Id(7, i), trust, site, procedure.Modality, procedure.BodyPart, procedure.RequiredSkill, procedure.ExpectedReadingMinutes,
                    pathway, priority,
                ready, turnaround.DueAt(ready, pathway, ClassOf(pathway), procedure.Modality, priority), $"backlog-{i}",
                    procedure.Description));
        }

        return backlog;
    }

    private static Guid Id(byte kind, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = kind;
        BitConverter.TryWriteBytes(bytes[1..], index);
        bytes[15] = 0x5C;
        return new Guid(bytes);
    }
}
