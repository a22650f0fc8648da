namespace ImagingWorklist.Application.Research;

/// <summary>A file a format wrote: its name, FHIR resource type (for NDJSON), media type, how many rows, and its bytes.</summary>
public sealed record ExtractFileContent(string Name, string? ResourceType, string ContentType, int Count, byte[] Content);
