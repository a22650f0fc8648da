namespace ImagingWorklist.Application.Rota;

public sealed record RotaTrust(Guid Id, string OdsCode, string Name);
