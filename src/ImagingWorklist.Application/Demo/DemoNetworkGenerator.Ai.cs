using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Demo;

/// <summary>
/// A demo AI triage algorithm for CT heads, live at the first trust and silent at the others, with a result on every
/// reported CT head, answered by the reporter who signed it. Only closed exams carry results: an open exam with one would
/// need its answer before signing, and its live flag would reorder everyone's list. From a random stream of its own, so
/// the exams and the rota are the same with or without it.
/// </summary>
public sealed partial class DemoNetworkGenerator
{
    public const string DemoAiApplication = "HEADCT_TRIAGE";

    private readonly Random _ai = new(options.RandomSeed ^ 0xA1);

    private (List<AiAlgorithm> Algorithms, List<AiResult> Results) GenerateAi(List<Trust> trusts, List<Exam> exams, List<Report> reports,
        List<Reporter> reporters, DateTimeOffset now)
    {
        var firstSeen = exams.Count == 0 ? now : exams.Min(e => e.OrderedAt);
        var algorithm = AiAlgorithm.Register(NextGuid(_ai),
            new AiAlgorithmDraft("HeadCT Triage", "Demo Imaging AI Ltd", "2", DemoAiApplication,
                "ICH = Suspected intracranial haemorrhage\nMLS = Midline shift", trusts.Count > 0 ? [trusts[0].Id] : []),
            firstSeen).ValueOrThrow();
        var signed = reports.Where(r => r.SignedAt is not null).GroupBy(r => r.ExamId).ToDictionary(g => g.Key, g => g.First());
        var names = reporters.ToDictionary(r => r.Id, r => r.DisplayName);
        var results = new List<AiResult>();
        foreach (var exam in exams.Where(e => e.ProcedureCode == "CHEAD" && e.ReportedAt is not null && e.ReadyAt is not null))
        {
            if (!signed.TryGetValue(exam.Id, out var report))
            {
                continue;
            }

            var arrived = exam.ReadyAt!.Value.AddMinutes(2 + _ai.Next(6));
            foreach (var finding in algorithm.Findings)
            {
                // About one in eight flagged; seven in ten flags confirmed; one in forty findings missed.
                var positive = _ai.NextDouble() < 0.12;
                var present = positive ? _ai.NextDouble() < 0.7 : _ai.NextDouble() < 0.025;
                var score = positive ? 0.6 + (0.39 * _ai.NextDouble()) : 0.4 * _ai.NextDouble();
                var result = AiResult.Record(NextGuid(_ai), exam.Id, exam.TrustId, algorithm, finding, positive, Math.Round(score, 2),
                    "HL7 v2", arrived);
                _ = result.Judge(present, names.GetValueOrDefault(report.AuthorId, "demo reporter"), report.SignedAt!.Value);
                results.Add(result);
            }
        }

        return ([algorithm], results);
    }
}
