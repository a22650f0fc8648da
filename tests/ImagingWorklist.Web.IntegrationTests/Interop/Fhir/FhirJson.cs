using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Fhir;

/// <summary>Reads answers back with the Firely parser, which refuses anything that is not valid R4.</summary>
internal static class FhirJson
{
    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static async Task<Resource> ParseAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<Resource>(await response.Content.ReadAsStringAsync(), Options)!;
}
