namespace ImagingWorklist.Domain.Reporters;

/// <summary>Reporting subspecialties. An exam type requires one; a reporter holds several, each with a level.</summary>
public enum Skill
{
    General,
    Neuro,
    Musculoskeletal,
    Chest,
    Abdominal,
    Genitourinary,
    Breast,
    Paediatric,
    HeadAndNeck,
    Cardiac,
    Vascular,
    NuclearMedicine,
}
