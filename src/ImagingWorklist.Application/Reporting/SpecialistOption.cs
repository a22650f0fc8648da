namespace ImagingWorklist.Application.Reporting;

public sealed record SpecialistOption(Guid Id, string Name);
