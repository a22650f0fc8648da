using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>
/// An extract as FHIR R4 NDJSON, one file per resource type, as FHIR Bulk Data serves them: Patient (the pseudonym and,
/// when asked for, the sex), ImagingStudy (shifted date, modality, procedure, age band and trust as extensions) and
/// DiagnosticReport (the scrubbed text as its conclusion). Only the fields the request chose appear.
/// </summary>
internal sealed class FhirResearchExtract : IExtractFormat
{
    public const string NdjsonType = "application/fhir+ndjson";
    public const string AgeBandExtension = "https://imagingworklist.example/fhir/StructureDefinition/research-age-band";
    public const string TrustExtension = "https://imagingworklist.example/fhir/StructureDefinition/research-trust";
    public const string TurnaroundExtension = "https://imagingworklist.example/fhir/StructureDefinition/turnaround-minutes";
    public const string DicomModalities = "http://dicom.nema.org/resources/ontology/DCM";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public Task<IReadOnlyList<ExtractFileContent>> WriteAsync(ExtractData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var system = $"urn:imagingworklist:research:{data.RequestId:N}";
        var patients = data.Rows.GroupBy(r => r.Patient, StringComparer.Ordinal).Select(g => g.First())
            .Select(r => (Resource)Patient(r, data, system)).ToList();
        var studies = data.Rows.Select(r => (Resource)Study(r, data)).ToList();
        var reports = data.Rows.Select(r => (Resource)Report(r, data)).ToList();
        IReadOnlyList<ExtractFileContent> files =
        [
            File("Patient", patients), File("ImagingStudy", studies), File("DiagnosticReport", reports),
        ];
        return System.Threading.Tasks.Task.FromResult(files);
    }

    /// <summary>One resource per line, written straight to bytes (no intermediate strings: an extract may hold 10^5 reports).</summary>
    private static ExtractFileContent File(string type, List<Resource> resources)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            foreach (var resource in resources)
            {
                JsonSerializer.Serialize(writer, resource, Json);
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
            }
        }

        return new ExtractFileContent($"{type}.ndjson", type, NdjsonType, resources.Count, stream.ToArray());
    }

    private static Patient Patient(ExtractRow row, ExtractData data, string system)
    {
        var patient = new Patient { Id = row.Patient, Identifier = [new Identifier($"{system}:patient", row.Patient)] };
        if (data.Has(ExtractFields.Sex))
        {
            patient.Gender = row.Sex switch
            {
                Domain.Exams.Sex.Female => AdministrativeGender.Female,
                Domain.Exams.Sex.Male => AdministrativeGender.Male,
                Domain.Exams.Sex.Other => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            };
        }

        return patient;
    }

    private static ImagingStudy Study(ExtractRow row, ExtractData data)
    {
        var study = new ImagingStudy
        {
            Id = row.Study,
            Status = ImagingStudy.ImagingStudyStatus.Available,
            Subject = new ResourceReference($"Patient/{row.Patient}"),
        };
        if (data.Has(ExtractFields.StudyDate))
        {
            study.StartedElement = new FhirDateTime(row.StudyDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (data.Has(ExtractFields.Modality))
        {
            study.Modality = [new Coding(DicomModalities, row.Modality.ToString())];
        }

        if (data.Has(ExtractFields.Procedure))
        {
            study.ProcedureCode = [new CodeableConcept("urn:imagingworklist:procedure", row.ProcedureCode, row.ProcedureDescription)];
        }

        if (data.Has(ExtractFields.BodyPart))
        {
            study.Series = [new ImagingStudy.SeriesComponent { Uid = "0", Modality = new Coding(DicomModalities, row.Modality.ToString()),
                BodySite = new Coding("urn:imagingworklist:body-part", row.BodyPart) }];
        }

        if (data.Has(ExtractFields.AgeBand))
        {
            study.Extension.Add(new Extension(AgeBandExtension, new FhirString(row.AgeBand)));
        }

        if (data.Has(ExtractFields.Trust))
        {
            study.Extension.Add(new Extension(TrustExtension, new Identifier("https://fhir.nhs.uk/Id/ods-organization-code", row.Trust)));
        }

        if (data.Has(ExtractFields.Pathway) || data.Has(ExtractFields.Priority))
        {
            study.ReasonCode = [.. new[]
            {
                data.Has(ExtractFields.Pathway) ? new CodeableConcept("urn:imagingworklist:pathway", row.Pathway.ToString()) : null,
                data.Has(ExtractFields.Priority) ? new CodeableConcept("urn:imagingworklist:priority", row.Priority.ToString()) : null,
            }.OfType<CodeableConcept>()];
        }

        return study;
    }

    private static DiagnosticReport Report(ExtractRow row, ExtractData data)
    {
        var report = new DiagnosticReport
        {
            Id = row.Report,
            Status = DiagnosticReport.DiagnosticReportStatus.Final,
            Code = data.Has(ExtractFields.Procedure)
                ? new CodeableConcept("urn:imagingworklist:procedure", row.ProcedureCode, row.ProcedureDescription)
                : new CodeableConcept("http://loinc.org", "18748-4", "Diagnostic imaging study"),
            Subject = new ResourceReference($"Patient/{row.Patient}"),
            ImagingStudy = [new ResourceReference($"ImagingStudy/{row.Study}")],
        };
        if (data.Has(ExtractFields.StudyDate))
        {
            report.Effective = new FhirDateTime(row.StudyDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (data.Has(ExtractFields.ReportText))
        {
            report.Conclusion = row.ReportText;
        }

        if (data.Has(ExtractFields.Turnaround) && row.TurnaroundMinutes is { } minutes)
        {
            report.Extension.Add(new Extension(TurnaroundExtension, new Integer(minutes)));
        }

        return report;
    }
}
