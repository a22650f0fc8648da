using System.Globalization;
using System.Text;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Delivery;

/// <summary>
/// A signed report as HL7 v2.4 ORU^R01, the message every RIS in the NHS accepts for results: the report text one OBX
/// per line, result status P (preliminary), F (final) or C (a correction: the addendum).
/// </summary>
public static class Hl7ReportMessage
{
    public const string SendingApplication = "IMAGINGWORKLIST";

    public static string Build(ReportDocument document, string controlId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        var hl7 = Hl7Message.Standard;
        string E(string? text) => hl7.Escape(text ?? string.Empty);
        string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";
        var status = document.Kind switch
        {
            DeliveryKind.Preliminary => "P",
            DeliveryKind.Addendum => "C",
            _ => "F",
        };
        var sex = document.Sex switch
        {
            Sex.Female => "F",
            Sex.Male => "M",
            Sex.Other => "O",
            _ => "U",
        };
        var identifiers = document.NhsNumber is { } nhs
            ? $"{E(nhs)}^^^NHS^NH~{E(document.LocalMrn)}^^^{E(document.TrustOdsCode)}^MR"
            : $"{E(document.LocalMrn)}^^^{E(document.TrustOdsCode)}^MR";
        var interpreter = $"{E(document.ReporterRegistration)}&{E(document.ReporterName)}";
        var procedure = $"{E(document.ProcedureCode)}^{E(document.ProcedureDescription)}";
        var builder = new StringBuilder()
            .Append($"MSH|^~\\&|{SendingApplication}|NETWORK|RIS|{E(document.TrustOdsCode)}|{Time(now)}||ORU^R01^ORU_R01|" +
                $"{E(controlId)}|P|2.4\r")
            .Append($"PID|1||{identifiers}||{E(document.FamilyName)}^{E(document.GivenName)}||{document.DateOfBirth:yyyyMMdd}|{sex}\r")
            .Append($"ORC|RE|{E(document.Accession)}|{E(document.Accession)}||CM\r")
            .Append(Segment("OBR", new Dictionary<int, string>
            {
                [1] = "1",
                [2] = E(document.Accession),
                [3] = E(document.Accession),
                [4] = procedure,
                [7] = Time(document.PerformedAt),
                [18] = E(document.Accession),
                [22] = Time(document.IssuedAt),
                [24] = document.Modality.ToString(),
                [25] = status,
                [32] = interpreter,
                [33] = document.VerifierName is { } verifier ? $"{E(document.VerifierRegistration)}&{E(verifier)}" : string.Empty,
            }));
        var lines = document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            builder.Append($"OBX|{i + 1}|TX|{procedure}||{E(lines[i])}||||||{status}|||{Time(document.IssuedAt)}\r");
        }

        if (document.StudyInstanceUid is { } uid)
        {
            builder.Append($"OBX|{lines.Count + 1}|ST|113014^Study Instance UID^DCM||{E(uid)}||||||{status}\r");
        }

        return builder.ToString();
    }

    /// <summary>One segment from its numbered fields, so no field lands in the wrong place by a miscounted separator.</summary>
    private static string Segment(string name, IReadOnlyDictionary<int, string> fields)
    {
        var last = fields.Where(f => f.Value.Length > 0).Max(f => f.Key);
        var values = Enumerable.Range(1, last).Select(i => fields.TryGetValue(i, out var value) ? value : string.Empty);
        return $"{name}|{string.Join('|', values)}\r";
    }
}
