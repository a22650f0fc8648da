using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ImagingWorklist.Application.Workitems;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Web.Interop.DicomWeb;

/// <summary>The DICOM JSON model (PS3.18 F.2) for UPS workitems, and the identifiers UPS-RS uses.</summary>
internal static class DicomJson
{
    public const string MediaType = "application/dicom+json";

    public const string ProcedureStepState = "00741000";
    public const string Priority = "00741200";
    public const string ProcedureStepLabel = "00741204";
    public const string TransactionUid = "00081195";
    public const string AccessionNumber = "00080050";
    public const string PatientId = "00100020";
    public const string ReasonForCancellation = "00741238";

    /// <summary>A workitem's UID is its exam id as a 2.25 UUID-derived UID (PS3.5 B.2).</summary>
    public static string UidOf(Guid id) =>
        "2.25." + new BigInteger(id.ToByteArray(bigEndian: true), isUnsigned: true, isBigEndian: true)
            .ToString(CultureInfo.InvariantCulture);

    public static Guid? IdOf(string uid)
    {
        if (!uid.StartsWith("2.25.", StringComparison.Ordinal)
            || !BigInteger.TryParse(uid.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value.Sign < 0)
        {
            return null;
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 16)
        {
            return null;
        }

        var padded = new byte[16];
        bytes.CopyTo(padded, 16 - bytes.Length);
        return new Guid(padded, bigEndian: true);
    }

    /// <summary>The caller's Transaction UID becomes the lease token: the same UID always gives the same token.</summary>
    public static Guid TokenOf(string transactionUid) => new(SHA256.HashData(Encoding.ASCII.GetBytes(transactionUid.Trim()))[..16]);

    public static string StateText(ProcedureStepState state) => state switch
    {
        Application.Workitems.ProcedureStepState.InProgress => "IN PROGRESS",
        Application.Workitems.ProcedureStepState.Completed => "COMPLETED",
        Application.Workitems.ProcedureStepState.Canceled => "CANCELED",
        _ => "SCHEDULED",
    };

    public static ProcedureStepState? ParseState(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "SCHEDULED" => Application.Workitems.ProcedureStepState.Scheduled,
        "IN PROGRESS" => Application.Workitems.ProcedureStepState.InProgress,
        "COMPLETED" => Application.Workitems.ProcedureStepState.Completed,
        "CANCELED" => Application.Workitems.ProcedureStepState.Canceled,
        _ => null,
    };

    /// <summary>UPS priority: HIGH for stat and ASAP, MEDIUM for urgent, LOW for routine.</summary>
    public static string PriorityText(ClinicalPriority priority) => priority switch
    {
        ClinicalPriority.Stat or ClinicalPriority.Asap => "HIGH",
        ClinicalPriority.Urgent => "MEDIUM",
        _ => "LOW",
    };

    public static ClinicalPriority[]? ParsePriority(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "HIGH" => [ClinicalPriority.Stat, ClinicalPriority.Asap],
        "MEDIUM" => [ClinicalPriority.Urgent],
        "LOW" => [ClinicalPriority.Routine],
        _ => null,
    };

    public static JsonObject ToJson(Workitem item)
    {
        var json = new JsonObject
        {
            ["00080016"] = Attribute("UI", "1.2.840.10008.5.1.4.34.6.1"),
            ["00080018"] = Attribute("UI", UidOf(item.ExamId)),
            [AccessionNumber] = Attribute("SH", item.Accession),
            ["00100010"] =
                new JsonObject { ["vr"] = "PN",
                ["Value"] = new JsonArray(new JsonObject { ["Alphabetic"] = $"{item.Patient.FamilyName}^{item.Patient.GivenName}" }) },
            [PatientId] = Attribute("LO", item.Patient.NhsNumber?.Value ?? item.Patient.LocalMrn),
            ["00100021"] = Attribute("LO", item.Patient.NhsNumber is null ? "Local MRN" : "NHS"),
            ["00100030"] = Attribute("DA", item.Patient.DateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
            ["00100040"] =
                Attribute("CS", item.Patient.Sex switch { Sex.Female => "F", Sex.Male => "M", Sex.Other => "O", _ => string.Empty }),
            ["00404005"] = Attribute("DT", DateTime(item.ReadyAt)),
            ["00404011"] = Attribute("DT", DateTime(item.DueAt)),
            [ProcedureStepState] = Attribute("CS", StateText(item.State)),
            [Priority] = Attribute("CS", PriorityText(item.Priority)),
            [ProcedureStepLabel] = Attribute("LO", item.Label),
        };
        if (item.StudyInstanceUid is { } study)
        {
            json["0020000D"] = Attribute("UI", study);
        }

        if (item.PerformerName is { } performer)
        {
            json["00404035"] = new JsonObject
            {
                ["vr"] = "SQ",
                ["Value"] =
                    new JsonArray(
                    new JsonObject { ["00404037"] =
                    new JsonObject { ["vr"] = "PN", ["Value"] = new JsonArray(new JsonObject { ["Alphabetic"] = performer }) } }),
            };
        }

        return json;
    }

    /// <summary>The first value of an attribute in a request body (an object, or an array holding one).</summary>
    public static string? ValueOf(JsonNode? body, string tag)
    {
        var dataset = body is JsonArray { Count: > 0 } array ? array[0] : body;
        return dataset is JsonObject obj && obj[tag] is JsonObject attribute && attribute["Value"] is JsonArray { Count: > 0 } values
            ? values[0]?.ToString()
            : null;
    }

    private static JsonObject Attribute(string vr, string value) => new() { ["vr"] = vr, ["Value"] = new JsonArray(value) };

    private static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";
}
