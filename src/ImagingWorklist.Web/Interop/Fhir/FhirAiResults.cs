using System.Globalization;
using Hl7.Fhir.Model;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>
/// AI results in FHIR, as vendors send them: an Observation per finding (code; interpretation POS or NEG, or a boolean
/// value; a valueQuantity score from 0 to 1), or a DiagnosticReport whose results are such Observations. The algorithm is
/// the Observation's device (its identifier's value, or its display), the exam the accession in basedOn, the trust the
/// performer's ODS code (or the client's only trust). Each becomes the ORU^R01 an AI system would send over HL7, so both
/// channels are stored, answered and applied the same way.
/// </summary>
internal static class FhirAiResults
{
    /// <summary>An Observation a DiagnosticReport in the same input lists among its results is sent with the report.</summary>
    public static bool PartOfReport(Observation observation, IReadOnlyList<Resource?> resources) =>
        resources.OfType<DiagnosticReport>().Any(r => r.Result.Any(reference => Refers(reference.Reference, observation)));

    public static string Result(Observation observation, List<Organization> organizations, string? defaultTrust, string controlId,
        DateTimeOffset now) =>
        Message([observation], observation.BasedOn, observation.Performer, observation.Device, organizations, defaultTrust, controlId,
            now);

    public static string Result(DiagnosticReport report, IReadOnlyList<Resource?> resources, List<Organization> organizations,
        string? defaultTrust, string controlId, DateTimeOffset now)
    {
        var observations = resources.OfType<Observation>().Concat(report.Contained.OfType<Observation>())
            .Where(o => report.Result.Any(reference => Refers(reference.Reference, o))).ToList();
        var first = observations.FirstOrDefault();
        return Message(observations, report.BasedOn.Count > 0 ? report.BasedOn : first?.BasedOn ?? [],
            [.. report.Performer, .. first?.Performer ?? []], first?.Device, organizations, defaultTrust, controlId, now);
    }

    private static string Message(IReadOnlyList<Observation> observations, List<ResourceReference> basedOn,
        List<ResourceReference> performers, ResourceReference? device, List<Organization> organizations, string? defaultTrust,
        string controlId, DateTimeOffset now)
    {
        var accession = basedOn.Select(b => b.Identifier?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var trust = performers.Select(p => p.Identifier?.System == FhirOrders.OdsSystem ? p.Identifier.Value
                : FhirOrders.Find(organizations, p.Reference ?? "#-") is { } o ? FhirOrders.OdsOf(o) : null)
            .FirstOrDefault(t => t is not null) ?? defaultTrust;
        var application = device?.Identifier?.Value ?? device?.Display ?? string.Empty;
        var lines = new List<string>
        {
            FhirOrders.Header(trust, controlId, "ORU^R01", now, application),
            $"OBR|1||{FhirOrders.E(accession)}|||||||||||||||{FhirOrders.E(accession)}|||||||P",
        };
        var index = 0;
        foreach (var observation in observations)
        {
            index++;
            var code = observation.Code?.Coding.Select(c => c.Code).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
            var interpretation = observation.Interpretation.SelectMany(i => i.Coding).Select(c => c.Code?.ToUpperInvariant())
                .FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
            var flag = interpretation switch
            {
                "POS" or "A" or "AA" or "H" or "HH" or "DET" => "A",
                "NEG" or "N" or "ND" => "N",
                _ when observation.Value is FhirBoolean { Value: { } b } => b ? "A" : "N",
                _ => FhirOrders.E(interpretation),
            };
            var (type, value) = observation.Value switch
            {
                Quantity { Value: { } score } => ("NM", score.ToString(CultureInfo.InvariantCulture)),
                FhirBoolean { Value: { } b } => ("CWE", b ? "Y" : "N"),
                _ => ("ST", string.Empty),
            };
            lines.Add($"OBX|{index}|{type}|{FhirOrders.E(code)}^{FhirOrders.E(observation.Code?.Text)}||{value}|||{flag}|||" +
                $"{(observation.Status == ObservationStatus.Preliminary ? "P" : "F")}");
        }

        return string.Join('\r', lines) + "\r";
    }

    private static bool Refers(string? reference, Resource resource) =>
        reference is not null && resource.Id is { Length: > 0 } id
        && (reference == $"#{id}" || reference.EndsWith($"/{id}", StringComparison.Ordinal) || reference == $"urn:uuid:{id}");
}
