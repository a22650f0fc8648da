namespace ImagingWorklist.Application.Dashboards;

/// <summary>
/// One line of the monthly turnaround return: an organisation (a trust by ODS code, or the whole network), a patient
/// setting and a modality group ("All" for the totals), with turnaround from examination to verified report.
/// </summary>
public sealed record MonthlyReturnRow(
    string OrganisationCode,
    string Organisation,
    string Setting,
    string ModalityGroup,
    int Reported,
    double MedianHours,
    double P90Hours,
    int WithinTarget,
    int ReportedOverFourWeeks,
    int WaitingOverFourWeeks)
{
    public double WithinTargetShare => Reported == 0 ? 0 : (double)WithinTarget / Reported;
}
