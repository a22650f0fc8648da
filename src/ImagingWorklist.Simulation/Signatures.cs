using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Simulation;

/// <summary>Exams that look the same to eligibility: trust, site, skill, modality, body part.</summary>
internal sealed class Signatures
{
    private readonly Dictionary<(Guid, Guid, Skill, Modality, string), int> _index = [];
    private readonly List<EngineExam> _examples = [];

    public int Count => _examples.Count;

    public int Of(EngineExam exam)
    {
        var key = (exam.TrustId, exam.SiteId, exam.RequiredSkill, exam.Modality, exam.BodyPart);
        if (!_index.TryGetValue(key, out var signature))
        {
            signature = _examples.Count;
            _index[key] = signature;
            _examples.Add(exam with { ClaimedBy = null, Escalated = false, AiCritical = false });
        }

        return signature;
    }

    public EngineExam Example(int signature) => _examples[signature];
}
