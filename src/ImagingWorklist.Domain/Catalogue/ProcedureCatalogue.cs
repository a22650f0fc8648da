using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Catalogue;

/// <summary>
/// The seed procedure catalogue (like the turnaround table, data: an administrator edits it afterwards). Reading minutes
/// follow the measured RIS-timestamp figures in DOMAIN.md (plain film 1–3, CT head ~16, CT chest/abdomen ~16–18,
/// polytrauma ~40); they are calibrated later from claim→sign times.
/// </summary>
public static class ProcedureCatalogue
{
    public static IReadOnlyList<Procedure> Standard() =>
    [
        new("XCHES", "XR Chest", Modality.DX, "CHEST", Skill.Chest, 2),
        new("XABDO", "XR Abdomen", Modality.DX, "ABDOMEN", Skill.Abdominal, 2),
        new("XKNEL", "XR Knee Left", Modality.DX, "KNEE", Skill.Musculoskeletal, 2),
        new("XHANR", "XR Hand Right", Modality.DX, "HAND", Skill.Musculoskeletal, 2),
        new("XLSPI", "XR Lumbar spine", Modality.DX, "SPINE", Skill.Musculoskeletal, 3),
        new("XPELV", "XR Pelvis and hips", Modality.DX, "PELVIS", Skill.Musculoskeletal, 2),
        new("XANKL", "XR Ankle Left", Modality.CR, "ANKLE", Skill.Musculoskeletal, 1),
        new("XCHPA", "XR Chest paediatric", Modality.DX, "CHEST", Skill.Paediatric, 3),
        new("UABDO", "US Abdomen", Modality.US, "ABDOMEN", Skill.Abdominal, 10),
        new("UPELV", "US Pelvis", Modality.US, "PELVIS", Skill.Genitourinary, 10),
        new("UNECK", "US Neck and thyroid", Modality.US, "NECK", Skill.HeadAndNeck, 10),
        new("UDVTL", "US Doppler leg veins", Modality.US, "LEG", Skill.Vascular, 8),
        new("CHEAD", "CT Head", Modality.CT, "HEAD", Skill.Neuro, 16),
        new("CCAPC", "CT Chest abdomen pelvis with contrast", Modality.CT, "CHEST", Skill.Abdominal, 18),
        new("CCHES", "CT Chest", Modality.CT, "CHEST", Skill.Chest, 16),
        new("CPULA", "CT Pulmonary angiogram", Modality.CT, "CHEST", Skill.Chest, 15),
        new("CKUBN", "CT Kidneys ureters bladder", Modality.CT, "ABDOMEN", Skill.Genitourinary, 12),
        new("CTRAU", "CT Polytrauma", Modality.CT, "WHOLEBODY", Skill.General, 40),
        new("CCSPI", "CT Cervical spine", Modality.CT, "SPINE", Skill.Musculoskeletal, 12),
        new("MBRAI", "MR Brain", Modality.MR, "HEAD", Skill.Neuro, 20),
        new("MLSPI", "MR Lumbar spine", Modality.MR, "SPINE", Skill.Neuro, 18),
        new("MKNEL", "MR Knee Left", Modality.MR, "KNEE", Skill.Musculoskeletal, 18),
        new("MPROS", "MR Prostate", Modality.MR, "PELVIS", Skill.Genitourinary, 25),
        new("MLIVE", "MR Liver", Modality.MR, "ABDOMEN", Skill.Abdominal, 25),
        new("NBONE", "NM Bone scan", Modality.NM, "WHOLEBODY", Skill.NuclearMedicine, 15),
        new("PFDGW", "PET-CT FDG whole body", Modality.PT, "WHOLEBODY", Skill.NuclearMedicine, 30),
        new("MGSCR", "Mammography screening", Modality.MG, "BREAST", Skill.Breast, 4),
        new("MGSYM", "Mammography symptomatic", Modality.MG, "BREAST", Skill.Breast, 8),
        new("FBSWA", "Fluoroscopy barium swallow", Modality.RF, "OESOPHAGUS", Skill.Abdominal, 12),
        new("AANGL", "Angiogram lower limb", Modality.XA, "LEG", Skill.Vascular, 20),
    ];
}
