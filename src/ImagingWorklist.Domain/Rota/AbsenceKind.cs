namespace ImagingWorklist.Domain.Rota;

public enum AbsenceKind
{
    AnnualLeave,
    SickLeave,
    StudyLeave,
}
