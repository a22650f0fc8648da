namespace ImagingWorklist.Application.Rota;

/// <summary>One row of a CSV import that cannot be taken, with why.</summary>
public sealed record ImportProblem(int Row, string Message);
