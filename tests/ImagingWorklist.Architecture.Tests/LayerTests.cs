using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace ImagingWorklist.Architecture.Tests;

/// <summary>Dependencies point one way: Domain ← Persistence ← Application ← Web, and pages never reach the database.</summary>
public class LayerTests
{
    [Fact]
    public void TheDomainDependsOnNothingOfOurs()
    {
        var result = Types.InAssembly(Layers.Domain).ShouldNot()
            .HaveDependencyOnAny("ImagingWorklist.Persistence", "ImagingWorklist.Application", "ImagingWorklist.Web",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore")
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void PersistenceDoesNotKnowTheApplicationOrTheWeb()
    {
        var result = Types.InAssembly(Layers.Persistence).ShouldNot()
            .HaveDependencyOnAny("ImagingWorklist.Application", "ImagingWorklist.Web").GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void TheApplicationDoesNotKnowTheWeb()
    {
        var result = Types.InAssembly(Layers.Application).ShouldNot()
            .HaveDependencyOnAny("ImagingWorklist.Web", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Http").GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void ComponentsDoNotReachPersistenceOrTheDatabase()
    {
        var result = Types.InAssembly(Layers.Web).That().Inherit(typeof(ComponentBase)).ShouldNot()
            .HaveDependencyOnAny("ImagingWorklist.Persistence", "Microsoft.EntityFrameworkCore")
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    /// <summary>
    /// EF Core is composed at start-up (the provider, Identity's and OpenIddict's stores, the readiness probe) and used
    /// only in Application; a Web type that queries the database itself has a use case missing below it.
    /// </summary>
    [Fact]
    public void TheWebTouchesEfCoreOnlyInStartUpComposition()
    {
        var offenders = Types.InAssembly(Layers.Web).That().HaveDependencyOnAny("Microsoft.EntityFrameworkCore").GetTypes()
            .Where(t => !OuterName(t).EndsWith("Setup", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ComponentsDoNotImportPersistence()
    {
        var offenders =
            Directory.EnumerateFiles(Path.Combine(Layers.RepositoryRoot, "src", "ImagingWorklist.Web"), "*.razor",
            SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("ImagingWorklist.Persistence", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    private static string OuterName(Type type) => type.DeclaringType is { } outer ? OuterName(outer) : type.Name;

    private static string Offenders(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
