namespace ImagingWorklist.Application.Worklist;

public sealed record TrustOption(Guid Id, string OdsCode, string Name);
