namespace ImagingWorklist.Application.Research;

public sealed record GuardianExtractRow(Guid Id, string Request, string MadeBy, DateTimeOffset MadeAt, int Rows, int Patients,
    int Suppressed,
    int OptedOut, int Unverifiable, bool Deleted);
