using System.Xml.Linq;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Tests.Architecture;

public class DomainPurityTests
{
    [Fact]
    public void TheDomainAssemblyReferencesNothingButTheRuntime()
    {
        var references = typeof(Exam).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references,
            name => Assert.True(name == "netstandard" || name.StartsWith("System", StringComparison.Ordinal), $"Domain references {name}"));
    }

    [Fact]
    public void TheDomainProjectHasNoPackageOrProjectReferences()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "ImagingWorklist.Domain", "ImagingWorklist.Domain.csproj"));

        var references = project.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference")
            .ToList();

        Assert.Empty(references);
    }

    [Fact]
    public void TheDomainReadsNoAmbientClock()
    {
        var offenders =
            Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "ImagingWorklist.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains("DateTime.Now", StringComparison.Ordinal) || text.Contains("DateTime.UtcNow", StringComparison.Ordinal)
                || text.Contains("DateTimeOffset.UtcNow", StringComparison.Ordinal)
                || text.Contains("DateTimeOffset.Now", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImagingWorklist.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
