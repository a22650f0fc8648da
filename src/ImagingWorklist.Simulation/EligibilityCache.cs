using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Simulation;

/// <summary>
/// Whether a reporter may take exams of a signature now, capacity aside, by the domain's reference rules; remembered
/// until the reporter's duty changes (a shift or leave starts or ends).
/// </summary>
internal sealed class EligibilityCache(Signatures signatures, EnginePolicy policy)
{
    private const sbyte Unknown = 0;
    private const sbyte Yes = 1;
    private const sbyte No = 2;
    private readonly Dictionary<int, sbyte[]> _answers = [];

    public bool May(SimReporter reporter, int signature, DateTimeOffset now)
    {
        if (!_answers.TryGetValue(reporter.Index, out var answers) || answers.Length <= signature)
        {
            var grown = new sbyte[Math.Max(signatures.Count, signature + 1) + 64];
            answers?.CopyTo(grown, 0);
            _answers[reporter.Index] = answers = grown;
        }

        if (answers[signature] == Unknown)
        {
            var verdict = Eligibility.Check(reporter.Reporter, signatures.Example(signature), 0, now, policy);
            answers[signature] = verdict.IsEligible || verdict.FailsOnlyOnCapacity ? Yes : No;
        }

        return answers[signature] == Yes;
    }

    public void Forget(SimReporter reporter) => _answers.Remove(reporter.Index);
}
