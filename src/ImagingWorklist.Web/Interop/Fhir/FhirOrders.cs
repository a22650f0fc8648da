using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using ImagingWorklist.Application.Ingest;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>
/// FHIR orders in, as a façade over the HL7 v2 ingest: a ServiceRequest (with its Patient, contained or alongside in a
/// Bundle) becomes an ORM^O01 new order, an ImagingStudy that is available becomes the "exam complete" status change,
/// a revoked ServiceRequest a cancellation. The translation is what the ingest stores and applies (with the original
/// JSON kept beside it), so FHIR gets the same store-then-answer, resend detection, held messages and dead-letter list.
/// </summary>
internal static class FhirOrders
{
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
    public const string DicomUidSystem = "urn:dicom:uid";

    /// <summary>Where an HL7 field came from in FHIR, to name the element in an OperationOutcome.</summary>
    public static readonly IReadOnlyDictionary<string, string> Elements = new Dictionary<string, string>
    {
        ["MSH-4"] = "ServiceRequest.performer (an Organization with an ODS code)",
        ["OBR-4"] = "ServiceRequest.code",
        ["OBR-18"] = "ServiceRequest.identifier (type ACSN)",
        ["OBR-5"] = "ServiceRequest.priority",
        ["PID-3"] = "Patient.identifier",
        ["PID-5"] = "Patient.name",
        ["PID-7"] = "Patient.birthDate",
        ["PV1-2"] = "ServiceRequest.category",
        ["PV1-3"] = "ServiceRequest.locationCode",
        ["IPC-3"] = "ImagingStudy.identifier (urn:dicom:uid)",
        ["MSH-3"] = "Observation.device",
        ["OBX-3"] = "Observation.code",
        ["OBX-5"] = "Observation.valueQuantity (a score from 0 to 1)",
        ["OBX-8"] = "Observation.interpretation (POS or NEG)",
    };

    /// <summary>One HL7 message per order-bearing resource, or the reason the input cannot be an order at all.</summary>
    public static (IReadOnlyList<(string Resource, string Message)> Messages, string? Problem) Translate(Resource input, string json,
        string? defaultTrust, DateTimeOffset now)
    {
        var resources = input is Bundle bundle ? bundle.Entry.Select(e => e.Resource).Where(r => r is not null).ToList() : [input];
        var patients = resources.OfType<Patient>().Concat(resources.OfType<DomainResource>().SelectMany(r => r.Contained.OfType<Patient>()))
            .ToList();
        var organizations = resources.OfType<Organization>()
            .Concat(resources.OfType<DomainResource>().SelectMany(r => r.Contained.OfType<Organization>())).ToList();
        var messages = new List<(string, string)>();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
        var index = 0;
        foreach (var resource in resources)
        {
            index++;
            var controlId = $"FHIR-{hash}-{index}";
            switch (resource)
            {
                case ServiceRequest request:
                    var patient = Find(patients, request.Subject?.Reference);
                    var trust = TrustOf(request, organizations) ?? defaultTrust;
                    messages.Add(($"ServiceRequest/{request.Id}", Order(request, patient, trust, controlId, now)));
                    break;
                case DiagnosticReport report:
                    messages.Add(($"DiagnosticReport/{report.Id}",
                        FhirAiResults.Result(report, resources, organizations, defaultTrust, controlId, now)));
                    break;
                case Observation observation when !FhirAiResults.PartOfReport(observation, resources):
                    messages.Add(($"Observation/{observation.Id}",
                        FhirAiResults.Result(observation, organizations, defaultTrust, controlId, now)));
                    break;
                case ImagingStudy study when study.Status == ImagingStudy.ImagingStudyStatus.Available:
                    var studyTrust = organizations.Select(OdsOf).FirstOrDefault(o => o is not null) ?? defaultTrust;
                    messages.Add(($"ImagingStudy/{study.Id}", Complete(study, studyTrust, controlId, now)));
                    break;
            }
        }

        return messages.Count == 0
            ? ([], "Send a ServiceRequest (with its Patient), an available ImagingStudy, an AI result (an Observation, or a " +
                "DiagnosticReport with its Observations), or a Bundle of them.")
            : (messages, null);
    }

    private static string Order(ServiceRequest request, Patient? patient, string? trust, string controlId, DateTimeOffset now)
    {
        var control = request.Status is RequestStatus.Revoked or RequestStatus.EnteredInError ? "CA" : "NW";
        var accession = AccessionOf(request.Identifier);
        var category = request.Category.SelectMany(c => c.Coding).Select(c => c.Code?.ToUpperInvariant()).FirstOrDefault();
        var (patientClass, gp) = category switch
        {
            "EMER" or "EMERGENCY" => ("E", string.Empty),
            "IMP" or "INPATIENT" => ("I", string.Empty),
            "GP" => ("O", "GP"),
            _ => ("O", string.Empty),
        };
        var priority = request.Priority switch
        {
            RequestPriority.Stat => "S",
            RequestPriority.Asap => "A",
            RequestPriority.Urgent => "U",
            _ => "R",
        };
        var site = request.LocationCode.SelectMany(c => c.Coding).Select(c => c.Code).FirstOrDefault() ?? string.Empty;
        var details =
            string.Join(" ", request.ReasonCode.Select(r => r.Text ?? r.Coding.FirstOrDefault()?.Display)
            .Concat(request.Note.Select(n => n.Text)).Where(t => !string.IsNullOrWhiteSpace(t)));
        var registered = patient?.GeneralPractitioner.Select(g => g.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        return string.Join('\r', new[]
        {
            Header(trust, controlId, "ORM^O01", now),
            Pid(patient),
            registered is null ? null : $"PD1||||^{E(registered)}",
            $"PV1|1|{patientClass}|^^^{E(site)}|||||||||||||||{gp}",
            $"ORC|{control}|{E(request.Id)}|{E(accession)}||SC||||{Time(request.AuthoredOn)}",
            $"OBR|1|{E(request.Id)}|{E(accession)}|{E(request.Code?.Coding.FirstOrDefault()?.Code)}^{E(request.Code?.Text)}|" +
                $"{priority}||||||||{E(details)}|||^{E(request.Requester?.Display)}||{E(accession)}",
        }.Where(l => l is not null)) + "\r";
    }

    private static string Complete(ImagingStudy study, string? trust, string controlId, DateTimeOffset now)
    {
        var accession = AccessionOf(study.Identifier)
            ?? AccessionOf(study.BasedOn.Select(b => b.Identifier).Where(i => i is not null).ToList()!);
        var uid =
            study.Identifier.FirstOrDefault(i => i.System == DicomUidSystem)?.Value?.Replace("urn:oid:", string.Empty,
            StringComparison.Ordinal);
        return string.Join('\r',
            Header(trust, controlId, "OMI^O23", now),
            $"ORC|SC||{E(accession)}||CM",
            $"OBR|1||{E(accession)}||||{Time(study.Started)}|||||||||||{E(accession)}",
            $"IPC|{E(accession)}||{E(uid)}") + "\r";
    }

    internal static string Header(string? trust, string controlId, string type, DateTimeOffset now, string application = "FHIR") =>
        $"MSH|^~\\&|{E(application)}|{E(trust)}|ImagingWorklist|NETWORK|{now.UtcDateTime:yyyyMMddHHmmss}+0000||{type}|{controlId}|P|2.5.1";

    private static string Pid(Patient? patient)
    {
        if (patient is null)
        {
            return "PID|1";
        }

        var nhs = patient.Identifier.FirstOrDefault(i => i.System == NhsNumberSystem)?.Value;
        var mrn = patient.Identifier.FirstOrDefault(i => i.System != NhsNumberSystem)?.Value;
        var ids =
            string.Join('~',
            new[] { nhs is null ? null : $"{E(nhs)}^^^NHS^NH", mrn is null ? null : $"{E(mrn)}^^^^MR" }.Where(i => i is not null));
        var name = patient.Name.FirstOrDefault();
        var sex = patient.Gender switch
        {
            AdministrativeGender.Female => "F",
            AdministrativeGender.Male => "M",
            AdministrativeGender.Other => "O",
            _ => "U",
        };
        var birth = patient.BirthDate?.Replace("-", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        return $"PID|1||{ids}||{E(name?.Family)}^{E(name?.Given.FirstOrDefault())}||{E(birth)}|{sex}";
    }

    private static string? TrustOf(ServiceRequest request, List<Organization> organizations)
    {
        foreach (var performer in request.Performer)
        {
            if (performer.Identifier?.System == OdsSystem)
            {
                return performer.Identifier.Value;
            }

            if (Find(organizations, performer.Reference) is { } organization && OdsOf(organization) is { } ods)
            {
                return ods;
            }
        }

        return null;
    }

    internal static string? OdsOf(Organization organization) => organization.Identifier.FirstOrDefault(i => i.System == OdsSystem)?.Value;

    internal static string? AccessionOf(IEnumerable<Identifier> identifiers) =>
        identifiers.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "ACSN") == true || (i.System ?? string.Empty)
            .Contains("accession", StringComparison.OrdinalIgnoreCase))?.Value;

    internal static T? Find<T>(List<T> candidates, string? reference)
        where T : Resource =>
        reference is null ? candidates.FirstOrDefault()
            : candidates.FirstOrDefault(c => reference == $"#{c.Id}" || reference.EndsWith($"/{c.Id}", StringComparison.Ordinal)
            || reference == $"urn:uuid:{c.Id}");

    internal static string Time(string? fhirDateTime) =>
        DateTimeOffset.TryParse(fhirDateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000" : string.Empty;

    /// <summary>Text for an HL7 field with the standard delimiters.</summary>
    internal static string E(string? text) => Hl7Message.Standard.Escape(text ?? string.Empty);
}
