using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Admin;

public sealed record ProcedureEntry(string Code, string Description, Modality Modality, string BodyPart, Skill RequiredSkill,
    int ExpectedReadingMinutes);
