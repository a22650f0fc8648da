namespace ImagingWorklist.Application.Research;

public sealed record ExtractFileView(string Name, string? ResourceType, string ContentType, int Count, long Bytes);
