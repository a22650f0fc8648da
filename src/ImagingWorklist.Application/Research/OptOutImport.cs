namespace ImagingWorklist.Application.Research;

/// <summary>What an opt-out import did: patients now on the list, lines read, repeats, and how many the list held before.</summary>
public sealed record OptOutImport(int Patients, int Lines, int Repeats, int Before);
