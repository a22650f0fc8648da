using System.Globalization;
using System.Text;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Application.Research;

/// <summary>The tables of an extract, their columns (only those the request chose) and what each means, written as Markdown.</summary>
public static class DataDictionary
{
    public const string Patients = "patients";
    public const string Studies = "studies";
    public const string Reports = "reports";
    public const string FileName = "data-dictionary.md";

    public static IReadOnlyList<ExtractTable> Tables(ExtractData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var patient = new ExtractColumn("patient_id", ExtractColumnKind.Text,
            "Pseudonym of the patient: keyed to this request, the same in every run of it, unlinkable to other requests.", r => r.Patient);
        var study = new ExtractColumn("study_id", ExtractColumnKind.Text, "Pseudonym of the examination (accession).", r => r.Study);
        var patientColumns = new List<ExtractColumn> { patient };
        Add(patientColumns, data, ExtractFields.Sex, "sex", ExtractColumnKind.Text, "Administrative sex: female, male, other, unknown.",
            r => r.Sex.ToString().ToLowerInvariant());

        var studyColumns = new List<ExtractColumn> { study, patient };
        Add(studyColumns, data, ExtractFields.StudyDate, "study_date", ExtractColumnKind.Date,
            "Date of the examination, shifted by the patient's offset (up to a year either way; intervals kept).", r => r.StudyDate);
        Add(studyColumns, data, ExtractFields.AgeBand, "age_band", ExtractColumnKind.Text,
            "Age at the examination in five-year bands; 90 and over together.", r => r.AgeBand);
        Add(studyColumns, data, ExtractFields.Trust, "trust", ExtractColumnKind.Text, "ODS code of the trust that performed it.", r
            => r.Trust);
        Add(studyColumns, data, ExtractFields.Modality, "modality", ExtractColumnKind.Text, "DICOM modality (CT, MR, US, …).",
            r => r.Modality.ToString());
        Add(studyColumns, data, ExtractFields.Procedure, "procedure_code", ExtractColumnKind.Text,
            "The network catalogue's procedure code.",
            r => r.ProcedureCode);
        Add(studyColumns, data, ExtractFields.Procedure, "procedure", ExtractColumnKind.Text, "The procedure's description.",
            r => r.ProcedureDescription);
        Add(studyColumns, data, ExtractFields.BodyPart, "body_part", ExtractColumnKind.Text, "DICOM body part examined.", r => r.BodyPart);
        Add(studyColumns, data, ExtractFields.Pathway, "pathway", ExtractColumnKind.Text,
            "Referral pathway: Emergency, Inpatient, UrgentSuspectedCancer, Outpatient, GpDirectAccess, Screening.", r => r.Pathway
                .ToString());
        Add(studyColumns, data, ExtractFields.Priority, "priority", ExtractColumnKind.Text, "Clinical priority on the order.",
            r => r.Priority.ToString());

        var reportColumns = new List<ExtractColumn>
        {
            new("report_id", ExtractColumnKind.Text, "Pseudonym of the final report.", r => r.Report), study, patient,
        };
        Add(reportColumns, data, ExtractFields.StudyDate, "report_date", ExtractColumnKind.Date,
            "Date the report was signed, shifted by the patient's offset.", r => r.ReportDate);
        Add(reportColumns, data, ExtractFields.Turnaround, "turnaround_minutes", ExtractColumnKind.Integer,
            "Whole minutes from the examination to the verified report.", r => r.TurnaroundMinutes);
        Add(reportColumns, data, ExtractFields.ReportText, "text", ExtractColumnKind.Text,
            "The report with names, NHS numbers, record and accession numbers, dates, telephone numbers and addresses replaced " +
                "by their kind in brackets ([NAME], [DATE], …).", r => r.ReportText);

        return
        [
            new(Patients, "One row per patient.", patientColumns),
            new(Studies, "One row per examination.", studyColumns),
            new(Reports, "One row per final report.", reportColumns),
        ];
    }

    public static string Write(ExtractData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new StringBuilder();
        var c = data.Counts;
        text.AppendLine(CultureInfo.InvariantCulture, $"# {data.Title}: data dictionary").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Made on {UkCalendar.WriteDate(UkCalendar.DayOf(data.MadeAt))} for request {data.RequestId}.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Rows (reports): {c.Rows}; patients: {c.Patients}.")
            .AppendLine(CultureInfo.InvariantCulture,
                $"- Rows suppressed as small cells (fewer than {data.SmallCellK} patients share age band, sex, trust and month): " +
                $"{c.Suppressed}.")
            .AppendLine(CultureInfo.InvariantCulture, $"- Exams left out for the national data opt-out: {c.OptedOut}.")
            .AppendLine(CultureInfo.InvariantCulture,
                $"- Exams left out with no valid NHS number to check against the opt-outs: {c.Unverifiable}.")
            .AppendLine(CultureInfo.InvariantCulture, $"- Identifiers removed from report text: {c.IdentifiersRemoved}.")
            .AppendLine();
        foreach (var table in Tables(data))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## {table.Name} ({table.Name}.parquet)").AppendLine()
                .AppendLine(table.Meaning).AppendLine()
                .AppendLine("| Column | Type | Meaning |").AppendLine("|---|---|---|");
            foreach (var column in table.Columns)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {column.Name} | {column.Kind.ToString().ToLowerInvariant()} | {column.Meaning} |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static void Add(List<ExtractColumn> columns, ExtractData data, ExtractFields field, string name, ExtractColumnKind kind,
        string meaning, Func<ExtractRow, object?> value)
    {
        if (data.Has(field))
        {
            columns.Add(new ExtractColumn(name, kind, meaning, value));
        }
    }
}
