namespace ImagingWorklist.Application.Research;

/// <summary>A column of an extract's table: its name, kind, meaning (for the data dictionary) and how a row gives its value.</summary>
public sealed record ExtractColumn(string Name, ExtractColumnKind Kind, string Meaning, Func<ExtractRow, object?> Value);
