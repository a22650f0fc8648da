using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;

namespace ImagingWorklist.Application.Ingest;

public static class Hl7OrderReader
{
    public static readonly string[] OrderControls = ["NW", "XO", "CA", "SC", "OC", "DC"];

    public static Hl7Order Read(Hl7Message message, TimeZoneInfo local, DateTimeOffset now)
    {
        var errors = new List<Hl7Error>();
        var warnings = new List<string>();
        if (!message.Has("ORC") || !message.Has("OBR"))
        {
            errors.Add(new Hl7Error(message.Has("ORC") ? "OBR" : "ORC", 0, 100, "An order needs an ORC and an OBR segment."));
        }

        var control = message.Value("ORC", 1).Trim().ToUpperInvariant();
        if (!OrderControls.Contains(control))
        {
            errors.Add(
                new Hl7Error("ORC", 1, 103,
                $"Order control '{control}' is not supported; send NW (new), XO (change), CA (cancel) or SC (status change)."));
        }

        var accessionText = AccessionText(message);
        AccessionNumber? accession = null;
        if (string.IsNullOrWhiteSpace(accessionText))
        {
            errors.Add(new Hl7Error("OBR", 18, 101, "The accession number is missing (OBR-18, IPC-1 or the filler order number OBR-3)."));
        }
        else if (AccessionNumber.Parse(accessionText) is { Succeeded: false } bad)
        {
            errors.Add(new Hl7Error("OBR", 18, 102, bad.Reason!));
        }
        else
        {
            accession = AccessionNumber.Parse(accessionText).Value;
        }

        var priority = ReadPriority(message, errors);
        var (patientClass, pathway) = ReadClass(message, control, errors);
        var details =
            string.Join(" ",
            new[] { message.Value("OBR", 13), message.Value("OBR", 31, component: 2), message.Value("OBR", 31, component: 1) }
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct());
        if (details.Length > Exam.ClinicalDetailsMaxLength)
        {
            details = details[..Exam.ClinicalDetailsMaxLength];
            warnings.Add("Clinical details were longer than 2,000 characters and were cut.");
        }

        if (pathway is not (Pathway.Emergency or Pathway.Inpatient) && IsSuspectedCancer(details))
        {
            pathway = Pathway.UrgentSuspectedCancer;
        }

        var orderedAt = Time(message, "ORC", 9, local, errors, required: false) ?? Time(message, "OBR", 6, local, errors, required: false)
            ?? Time(message, "MSH", 7, local, errors, required: false) ?? now;
        var performedAt = Time(message, "OBR", 7, local, errors, required: false);
        StudyInstanceUid? study = null;
        var studyText = First(message.Value("IPC", 3), message.Value("ZDS", 1));
        if (!string.IsNullOrWhiteSpace(studyText))
        {
            var parsed = StudyInstanceUid.Parse(studyText);
            if (parsed.Succeeded)
            {
                study = parsed.Value;
            }
            else
            {
                errors.Add(new Hl7Error(message.Has("IPC") ? "IPC" : "ZDS", message.Has("IPC") ? 3 : 1, 102, parsed.Reason!));
            }
        }

        var status = message.Value("ORC", 5).Trim().ToUpperInvariant();
        var complete = status is "CM" or "A" || message.Value("OBR", 25).Trim().ToUpperInvariant() is "I";
        return new Hl7Order(
            control,
            accession,
            complete,
            message.Value("OBR", 4).Trim().ToUpperInvariant(),
            priority,
            patientClass,
            pathway,
            details,
            orderedAt,
            performedAt,
            study,
            First(message.Value("PV1", 3, component: 4), message.Value("PV1", 3, component: 1)).Trim()
                .ToUpperInvariant() is { Length: > 0 } site ? site : null,
            control == "NW" ? ReadPatient(message, errors, warnings) : null,
            errors,
            warnings,
            Person(message, "ORC", 12) ?? Person(message, "OBR", 16),
            Person(message, "PD1", 4))
        {
            ReasonCodes = [.. message.Repetitions("OBR", 31).Select(r => r[0].Trim().ToUpperInvariant()).Where(c => c.Length > 0)],
        };
    }

    /// <summary>A person in an XCN field (id^family^given^middle^suffix^prefix) as people write them: "Dr R Patel".</summary>
    private static string? Person(Hl7Message message, string segment, int field)
    {
        var parts = new[] { 6, 3, 4, 2 }.Select(c => message.Value(segment, field, component: c).Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static ClinicalPriority ReadPriority(Hl7Message message, List<Hl7Error> errors)
    {
        var (segment, field, component) = message.Has("TQ1") ? ("TQ1", 9, 1) : message.Value("OBR", 27, component: 6).Length > 0
            ? ("OBR", 27, 6) : message.Value("ORC", 7, component: 6).Length > 0 ? ("ORC", 7, 6) : ("OBR", 5, 1);
        var code = message.Value(segment, field, component: component).Trim().ToUpperInvariant();
        switch (code)
        {
            case "S":
                return ClinicalPriority.Stat;
            case "A":
                return ClinicalPriority.Asap;
            case "U" or "T":
                return ClinicalPriority.Urgent;
            case "" or "R" or "P" or "C":
                return ClinicalPriority.Routine;
            default:
                errors.Add(
                    new Hl7Error(segment, field, 103, $"Priority '{code}' is not one of S (stat), A (asap), U (urgent), R (routine)."));
                return ClinicalPriority.Routine;
        }
    }

    private static (PatientClass, Pathway) ReadClass(Hl7Message message, string control, List<Hl7Error> errors)
    {
        var code = message.Value("PV1", 2).Trim().ToUpperInvariant();
        var gp = message.Value("PV1", 18).Trim().Equals("GP", StringComparison.OrdinalIgnoreCase);
        switch (code)
        {
            case "E":
                return (PatientClass.Emergency, Pathway.Emergency);
            case "I":
                return (PatientClass.Inpatient, Pathway.Inpatient);
            case "O" or "B" or "P" or "R" when gp:
                return (PatientClass.GeneralPractice, Pathway.GpDirectAccess);
            case "O" or "B" or "P" or "R":
                return (PatientClass.Outpatient, Pathway.Outpatient);
            case "" when control != "NW":
                return (PatientClass.Outpatient, Pathway.Outpatient);
            default:
                errors.Add(
                    new Hl7Error("PV1", 2, code.Length == 0 ? 101 : 103,
                    $"Patient class '{code}' is not one of E (emergency), I (inpatient), O (outpatient; PV1-18 GP for a GP referral)."));
                return (PatientClass.Outpatient, Pathway.Outpatient);
        }
    }

    /// <summary>PID as a patient: identifiers (NHS number kept even if invalid, flagged), name, date of birth, sex.</summary>
    public static Patient? ReadPatient(Hl7Message message, List<Hl7Error> errors, List<string> warnings)
    {
        if (!message.Has("PID"))
        {
            errors.Add(new Hl7Error("PID", 0, 100, "A new order needs a PID segment."));
            return null;
        }

        string? nhs = null;
        string? mrn = null;
        foreach (var id in message.Repetitions("PID", 3))
        {
            var value = id.Count > 0 ? id[0].Trim() : string.Empty;
            var authority = id.Count > 3 ? id[3] : string.Empty;
            var type = id.Count > 4 ? id[4] : string.Empty;
            if (type.Equals("NH", StringComparison.OrdinalIgnoreCase) || authority.Contains("NHS", StringComparison.OrdinalIgnoreCase))
            {
                nhs ??= value;
            }
            else if (value.Length > 0)
            {
                mrn ??= value;
            }
        }

        if (string.IsNullOrWhiteSpace(mrn))
        {
            errors.Add(new Hl7Error("PID", 3, 101, "PID-3 must carry the trust's local patient identifier (type MR)."));
        }

        if (nhs is not null && NhsNumber.Parse(nhs) is { Succeeded: false } invalid)
        {
            warnings.Add($"NHS number {nhs} is not valid ({invalid.Reason}); it is kept and flagged for checking.");
        }

        var dobText = message.Value("PID", 7).Trim();
        DateOnly? dob = dobText.Length >= 8 && Hl7Message.ParseTime(dobText[..8], TimeZoneInfo.Utc) is { } born
            ? DateOnly.FromDateTime(born.UtcDateTime) : null;
        if (dob is null)
        {
            errors.Add(new Hl7Error("PID", 7, dobText.Length == 0 ? 101 : 102, $"Date of birth '{dobText}' must be given as YYYYMMDD."));
        }

        var sex = message.Value("PID", 8).Trim().ToUpperInvariant() switch
        {
            "F" => Sex.Female,
            "M" => Sex.Male,
            "O" or "A" => Sex.Other,
            _ => Sex.Unknown,
        };
        var family = message.Value("PID", 5, component: 1).Trim();
        var given = message.Value("PID", 5, component: 2).Trim();
        if (family.Length == 0)
        {
            errors.Add(new Hl7Error("PID", 5, 101, "PID-5 must give the patient's family name."));
        }

        if (family.Length > Patient.NameMaxLength || given.Length > Patient.NameMaxLength || (mrn?.Length ?? 0) > Patient.MrnMaxLength)
        {
            errors.Add(
                new Hl7Error("PID", 5, 102,
                $"Names are limited to {Patient.NameMaxLength} characters and identifiers to {Patient.MrnMaxLength}."));
        }

        return errors.Count == 0 && mrn is not null && dob is { } date ? new Patient(nhs, mrn, family, given, date, sex) : null;
    }

    private static DateTimeOffset? Time(Hl7Message message, string segment, int field, TimeZoneInfo local, List<Hl7Error> errors,
        bool required)
    {
        var text = message.Value(segment, field).Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(new Hl7Error(segment, field, 101, $"{segment}-{field} (a date and time) is required."));
            }

            return null;
        }

        var value = Hl7Message.ParseTime(text, local);
        if (value is null)
        {
            errors.Add(
                new Hl7Error(segment, field, 102, $"{segment}-{field} '{text}' is not an HL7 date and time (YYYYMMDDHHMM[SS][+ZZZZ])."));
        }

        return value;
    }

    private static bool IsSuspectedCancer(string details) =>
        details.Contains("2WW", StringComparison.OrdinalIgnoreCase)
        || details.Contains("USC", StringComparison.Ordinal)
        || details.Contains("suspected cancer", StringComparison.OrdinalIgnoreCase);

    /// <summary>The accession as written: IPC-1, else OBR-18, else the filler order number (OBR-3, ORC-3).</summary>
    public static string AccessionText(Hl7Message message)
        => First(message.Value("IPC", 1), message.Value("OBR", 18), message.Value("OBR", 3), message.Value("ORC", 3));

    private static string First(params string[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;
}
