using NetArchTest.Rules;

namespace ImagingWorklist.Architecture.Tests;

/// <summary>Features depend on shared words and on each other one way only, so a feature can be read and changed alone.</summary>
public class FeatureDependencyTests
{
    [Fact]
    public void ApplicationFeaturesHaveNoDependencyCycles()
    {
        var features = Layers.FeatureFolders("ImagingWorklist.Application");
        var edges = Edges(features);

        var cycles = Cycles(features, edges);

        Assert.True(cycles.Count == 0,
            "Feature cycles: " + string.Join("; ", cycles) + "\nEdges: " + string.Join(", ", edges.Select(e => $"{e.From}->{e.To}")));
    }

    [Fact]
    public void TheEngineHostKnowsNothingOfHowChangesAreAnnounced()
    {
        var edges = Edges(Layers.FeatureFolders("ImagingWorklist.Application"));

        Assert.Contains(("Realtime", "Engine"), edges);
        Assert.DoesNotContain(("Engine", "Realtime"), edges);
    }

    [Fact]
    public void TheCycleFinderFindsEachCycleOnce()
    {
        string[] nodes = ["A", "B", "C", "D"];
        List<(string, string)> edges = [("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "C")];

        var cycles = Cycles(nodes, edges);

        Assert.Equal(["A -> B -> C -> A", "C -> D -> C"], cycles);
        Assert.Empty(Cycles(nodes, [("A", "B"), ("B", "C"), ("A", "C")]));
    }

    internal static List<(string From, string To)> Edges(IReadOnlyList<string> features) =>
        [.. from source in features
            from target in features
            where source != target && Types.InAssembly(Layers.Application)
                .That().ResideInNamespace($"ImagingWorklist.Application.{source}")
                .And().HaveDependencyOn($"ImagingWorklist.Application.{target}")
                .GetTypes().Any()
            select (source, target)];

    internal static List<string> Cycles(IReadOnlyList<string> nodes, List<(string From, string To)> edges)
    {
        var found = new List<string>();
        var next = edges.ToLookup(e => e.From, e => e.To);
        foreach (var start in nodes)
        {
            var path = new Stack<string>();
            Visit(start);

            void Visit(string node)
            {
                path.Push(node);
                foreach (var to in next[node])
                {
                    if (to == start)
                    {
                        var cycle = string.Join(" -> ", path.Reverse().Append(start));
                        if (path.Min(StringComparer.Ordinal) == start)
                        {
                            found.Add(cycle);
                        }
                    }
                    else if (!path.Contains(to) && string.CompareOrdinal(to, start) > 0)
                    {
                        Visit(to);
                    }
                }

                path.Pop();
            }
        }

        return found;
    }
}
