namespace ImagingWorklist.Domain.Research;

/// <summary>A report's text with its identifiers removed, and how many were.</summary>
public sealed record Scrubbed(string Text, int Removed);
