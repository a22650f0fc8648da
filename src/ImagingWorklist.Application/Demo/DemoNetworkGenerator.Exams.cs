using System.Globalization;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Application.Demo;

/// <summary>The demo's exams: open work across pathways and priorities, and weeks of reported history with reports.</summary>
public sealed partial class DemoNetworkGenerator
{
    private (List<Exam> Exams, List<Report> Reports) GenerateExams(
        List<Trust> trusts, List<Site> sites, List<Reporter> reporters,
            (List<Credential> Credentials, List<RotaShift> Shifts, List<Absence> Absences) rota,
        TurnaroundPolicy policy, DateTimeOffset now)
    {
        var shifts = rota.Shifts;
        var exams = new List<Exam>();
        var reports = new List<Report>();
        var accessionCounters = trusts.ToDictionary(t => t.Id, _ => 1000);
        var patients = new List<(Guid TrustId, Patient Patient)>();
        var onDutyNow = shifts.Where(s => s.IsOnDutyAt(now)).Select(s => s.ReporterId).Distinct().ToList();
        var capacityNow = shifts.Where(s => s.IsOnDutyAt(now)).GroupBy(s => s.ReporterId)
            .ToDictionary(g => g.Key, g => g.Max(s => s.CapacityMinutes));
        var heldMinutes = new Dictionary<Guid, int>();

        // Who may hold what, by the engine's own rule: a seeded claim is one the product would have allowed.
        var asEngineSees = reporters.Where(r => onDutyNow.Contains(r.Id))
            .ToDictionary(r => r.Id, r => EngineReporter.From(r, rota.Credentials, shifts, rota.Absences));
        var enginePolicy = EnginePolicy.Default;
        var asEngineSaw = reporters.Where(r => r.Role == ProfessionalRole.ConsultantRadiologist)
            .ToDictionary(r => r.Id, r => EngineReporter.From(r, rota.Credentials, shifts, rota.Absences));
        bool CouldHaveClaimed(Reporter reporter, Exam exam, DateTimeOffset at) =>
            Eligibility.Check(asEngineSaw[reporter.Id], EngineExam.Snapshot(exam), 0, at, enginePolicy).IsEligible;

        // The first moment from `from` at which the reporter could have claimed the exam: within a shift of theirs.
        DateTimeOffset? EarliestClaim(Reporter reporter, Exam exam, DateTimeOffset from) =>
            asEngineSaw[reporter.Id].Shifts.Where(s => s.End > from).OrderBy(s => s.Start)
                .Select(s => s.Start > from ? s.Start : from)
                .Cast<DateTimeOffset?>()
                .FirstOrDefault(at => CouldHaveClaimed(reporter, exam, at!.Value));
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
                performedAt,
                ReferrerOf(pathway, number),
                GpOf(patient));
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
                var (token, claimedAt, draftId) = (NextGuid(), now.AddMinutes(-_random.Next(1, 15)), NextGuid());
                // Within the holder's capacity, as the product would allow (a demo that starts over it hides bugs), and
                // only half of it: a reporter has a few cases in hand at the start of the demo, with room to claim more.
                var held = heldMinutes.GetValueOrDefault(holder);
                if (held + exam.ExpectedReadingMinutes <= capacityNow[holder] / 2
                    && Eligibility.Check(asEngineSees[holder], EngineExam.Snapshot(exam), held, now, enginePolicy).IsEligible)
                {
                    exam.Claim(holder, token, TimeSpan.FromMinutes(20), claimedAt);
                    reports.Add(Report.StartDraft(draftId, exam.Id, holder, "Findings: ", now.AddMinutes(-1)));
                    heldMinutes[holder] = held + exam.ExpectedReadingMinutes;
                }
            }
            else if (state < 7)
            {
                exam.Hold(_random.Next(2) == 0 ? "Awaiting prior imaging from another trust"
                    : "Awaiting clinical information from referrer", now.AddHours(-_random.Next(1, 12)));
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
                var (token, reportId) = (NextGuid(), NextGuid());

                // Claimed by someone who could have claimed it then (on a shift covering it, credentialed, skilled): the
                // first pick if they could, else whoever could soonest; the exam waits for them, as it would have.
                if (!CouldHaveClaimed(reporter, exam, claimedAt))
                {
                    var soonest = consultants.Select(c => (Reporter: c, At: EarliestClaim(c, exam, claimedAt))).Where(c => c.At is not null)
                        .OrderBy(c => c.At).ToList();
                    if (soonest.Count == 0 || soonest[0].At!.Value.AddMinutes(exam.ExpectedReadingMinutes) >= now)
                    {
                        continue;
                    }

                    var first = soonest.Where(c => c.At == soonest[0].At).ToList();
                    (reporter, claimedAt) = (first[_past.Next(first.Count)].Reporter, soonest[0].At!.Value);
                    signedAt = claimedAt.AddMinutes(exam.ExpectedReadingMinutes);
                }

                var reader = reporter;
                var fastLane = EnterDemoFastLane(exam, at => CouldHaveClaimed(reader, exam, at), ref claimedAt, ref signedAt);
                exam.Claim(reporter.Id, token, TimeSpan.FromMinutes(20), claimedAt);
                var report =
                    Report.StartDraft(reportId, exam.Id, reporter.Id, $"{exam.ProcedureDescription}: no acute abnormality demonstrated.",
                    claimedAt);
                if (fastLane)
                {
                    GiveDemoVerbalReport(exam, report, token, claimedAt, signedAt);
                }

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
        // About one exam in ten belongs to a patient who already has one, so same-patient grouping has work to do; about
        // a third of those had their earlier exam at another trust of the network (same NHS number, that trust's own
        // local number), so the exam view has priors from across the network to show.
        var known = patients.Where(p => p.TrustId == trustId).ToList();
        if (known.Count > 20 && _random.Next(10) == 0)
        {
            var roll = _random.Next((known.Count * 8) + patients.Count);
            if (roll < known.Count * 8)
            {
                return known[roll % known.Count].Patient;
            }

            var (otherTrust, seen) = patients[roll - (known.Count * 8)];
            if (otherTrust == trustId || seen.NhsNumber is not { } nhs)
            {
                return seen;
            }

            var here =
                new Patient(nhs.Value, $"M{1_000_000 + (long.Parse(nhs.Value, CultureInfo.InvariantCulture) % 9_000_000)}",
                seen.FamilyName, seen.GivenName, seen.DateOfBirth, seen.Sex);
            patients.Add((trustId, here));
            return here;
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

    private static readonly string[] Clinicians =
        ["Dr A Khan", "Dr B Osei", "Dr C Lee", "Dr R Patel", "Dr S Murray", "Dr T Nwosu", "Dr H Ward", "Dr J Evans"];
    private static readonly string[] Practices =
        ["Riverside Surgery", "Castle Street Medical Practice", "Moorside Health Centre", "The Green Surgery"];

    /// <summary>Who ordered it, drawn from the accession number so the random stream (and every test that relies on it) is
    /// unchanged.</summary>
    private static string ReferrerOf(Pathway pathway, int number)
    {
        var name = Clinicians[number % Clinicians.Length];
        return pathway switch
        {
            Pathway.Emergency => $"{name}, ED",
            Pathway.GpDirectAccess => $"{name}, GP",
            Pathway.Inpatient => $"{name}, medical registrar",
            _ => $"{name}, consultant",
        };
    }

    private static string GpOf(Patient patient) =>
        $"{Clinicians[(patient.LocalMrn.Length + patient.DateOfBirth.Day) % Clinicians.Length]}, " +
            $"{Practices[patient.DateOfBirth.Month % Practices.Length]}";

    private static string ClinicalDetails(Pathway pathway, Procedure procedure) => pathway switch
    {
        Pathway.Emergency => $"ED attendance. {procedure.Description} requested to exclude acute pathology.",
        Pathway.UrgentSuspectedCancer => "Urgent suspected cancer referral. Weight loss, query malignancy.",
        Pathway.Inpatient => "Inpatient. Clinical deterioration, please assess.",
        Pathway.Screening => "Routine screening round.",
        _ => "Persistent symptoms for several weeks. Please report.",
    };
}
