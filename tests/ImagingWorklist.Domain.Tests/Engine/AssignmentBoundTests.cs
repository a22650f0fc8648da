using ImagingWorklist.Domain.Engine;
using static ImagingWorklist.Domain.Tests.Engine.EngineWorld;

namespace ImagingWorklist.Domain.Tests.Engine;

/// <summary>
/// The greedy push assignment against the exhaustive optimum on small networks: urgency-weighted exams placed within
/// eligibility and capacity. Greedy by weight is a 1/2-approximation for this kind of matching when exams fit; the
/// test holds it to that bound, and reports how close it usually gets.
/// </summary>
public class AssignmentBoundTests
{
    private static readonly EnginePolicy Policy = EnginePolicy.Default;

    [Fact]
    public void GreedyPlacesAtLeastHalfTheOptimalUrgencyWeight()
    {
        var ratios = new List<double>();
        for (var seed = 0; seed < 400; seed++)
        {
            var (exams, reporters) = Random(seed, reporters: 2, exams: 6);
            var engine = WorklistEngine.Build(exams, reporters, Now, Policy);
            var weightOf = exams.ToDictionary(e => e.Id, e => Prioritiser.ClassOf(e, Now, Policy).Weight());

            var assignments = engine.Assign(Now);
            var greedy = assignments.Where(a => a.Kind == AssignmentKind.Push).Sum(a => weightOf[a.ExamId]);

            // Emergencies are placed first and at once, whatever the capacity; the optimum works with what they leave.
            var emergencyLoad =
                reporters.Select(r => assignments.Where(a => a.Kind == AssignmentKind.Emergency && a.ReporterId == r.Id)
                .Sum(a => exams.Single(e => e.Id == a.ExamId).ExpectedMinutes)).ToArray();
            var optimum =
                Optimum(exams.Where(e => Prioritiser.ClassOf(e, Now, Policy) != UrgencyClass.Emergency).ToList(), reporters, weightOf,
                emergencyLoad);

            Assert.True(2 * greedy >= optimum, $"seed {seed}: greedy {greedy} < half of optimum {optimum}");
            if (optimum > 0)
            {
                ratios.Add((double)greedy / optimum);
            }
        }

        Assert.True(ratios.Average() > 0.9, $"greedy averages {ratios.Average():P1} of the optimum");
    }

    private static int Optimum(List<EngineExam> exams, List<EngineReporter> reporters, Dictionary<Guid, int> weightOf, int[] initialLoad)
    {
        var best = 0;
        var load = (int[])initialLoad.Clone();
        var patientOwner = new Dictionary<string, int>();

        void Search(int index, int weight)
        {
            if (index == exams.Count)
            {
                best = Math.Max(best, weight);
                return;
            }

            var exam = exams[index];
            Search(index + 1, weight);
            for (var r = 0; r < reporters.Count; r++)
            {
                if (patientOwner.TryGetValue(exam.PatientKey, out var owner) && owner != r)
                {
                    continue;
                }

                if (!Eligibility.Check(reporters[r], exam, load[r], Now, Policy).IsEligible)
                {
                    continue;
                }

                var hadOwner = patientOwner.ContainsKey(exam.PatientKey);
                patientOwner[exam.PatientKey] = r;
                load[r] += exam.ExpectedMinutes;
                Search(index + 1, weight + weightOf[exam.Id]);
                load[r] -= exam.ExpectedMinutes;
                if (!hadOwner)
                {
                    patientOwner.Remove(exam.PatientKey);
                }
            }
        }

        Search(0, 0);
        return best;
    }
}
