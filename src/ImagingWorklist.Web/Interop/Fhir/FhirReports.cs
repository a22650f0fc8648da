using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using ImagingWorklist.Application.Delivery;
using Sex = ImagingWorklist.Domain.Exams.Sex;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>
/// A signed report as a FHIR R4 DiagnosticReport: status preliminary, final or amended (an addendum), the patient
/// contained (the receiving trust matches on NHS number or its own MRN), the order by its accession, the report text as
/// the conclusion and as a plain-text attachment, the reporter and verifier as results interpreters.
/// </summary>
internal static class FhirReports
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static DiagnosticReport Build(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var patient = new Patient
        {
            Id = "patient",
            Identifier = [new Identifier($"urn:imagingworklist:mrn:{document.TrustOdsCode}", document.LocalMrn)],
            Name = [new HumanName { Family = document.FamilyName, Given = [document.GivenName] }],
            BirthDate = document.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Gender = document.Sex switch
            {
                Sex.Female => AdministrativeGender.Female,
                Sex.Male => AdministrativeGender.Male,
                Sex.Other => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
        };
        if (document.NhsNumber is { } nhs)
        {
            patient.Identifier.Insert(0, new Identifier(FhirOrders.NhsNumberSystem, nhs));
        }

        var report = new DiagnosticReport
        {
            Id = document.ReportId.ToString(),
            Meta = new Meta { LastUpdated = document.IssuedAt },
            Contained = [patient],
            Identifier = [new Identifier("urn:imagingworklist:report", document.ReportId.ToString())],
            BasedOn = [new ResourceReference { Type = "ServiceRequest", Identifier = Accession(document) }],
            Status = document.Kind switch
            {
                DeliveryKind.Preliminary => DiagnosticReport.DiagnosticReportStatus.Preliminary,
                DeliveryKind.Addendum => DiagnosticReport.DiagnosticReportStatus.Appended,
                _ => DiagnosticReport.DiagnosticReportStatus.Final,
            },
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")],
            Code = new CodeableConcept($"urn:imagingworklist:procedure:{document.TrustOdsCode}", document.ProcedureCode,
                document.ProcedureDescription) { Text = document.ProcedureDescription },
            Subject = new ResourceReference("#patient"),
            Effective = new FhirDateTime(document.PerformedAt),
            Issued = document.IssuedAt,
            ResultsInterpreter =
                [new ResourceReference { Display = document.ReporterName,
                Identifier = new Identifier("urn:imagingworklist:registration", document.ReporterRegistration) }],
            Conclusion = string.Join('\n', document.Lines),
            PresentedForm =
                [new Attachment { ContentType = "text/plain; charset=utf-8", Language = "en-GB",
                Data = Encoding.UTF8.GetBytes(document.Text), Title = $"{document.Kind} report" }],
        };
        if (document.VerifierName is { } verifier)
        {
            report.ResultsInterpreter.Add(
                new ResourceReference { Display = verifier,
                Identifier = new Identifier("urn:imagingworklist:registration", document.VerifierRegistration) });
        }

        if (document.StudyInstanceUid is { } uid)
        {
            report.ImagingStudy =
                [new ResourceReference { Type = "ImagingStudy", Identifier = new Identifier("urn:dicom:uid", $"urn:oid:{uid}") }];
        }

        return report;
    }

    public static string ToJson(Resource resource) => JsonSerializer.Serialize(resource, Json);

    private static Identifier Accession(ReportDocument document) =>
        new(FhirEndpoints.AccessionSystem + document.TrustOdsCode,
            document.Accession) { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "ACSN") };
}
