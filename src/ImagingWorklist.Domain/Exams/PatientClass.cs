namespace ImagingWorklist.Domain.Exams;

/// <summary>HL7 v2 PV1-2 patient class, plus the GP referral source.</summary>
public enum PatientClass
{
    Emergency,
    Inpatient,
    Outpatient,
    GeneralPractice,
}
