namespace ImagingWorklist.Application.Research;

public sealed record ExtractTable(string Name, string Meaning, IReadOnlyList<ExtractColumn> Columns);
