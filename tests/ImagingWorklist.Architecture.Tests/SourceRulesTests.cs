using System.Text.RegularExpressions;

namespace ImagingWorklist.Architecture.Tests;

/// <summary>Rules about the source text that the type graph cannot see.</summary>
public partial class SourceRulesTests
{
    [Fact]
    public void OnlyTheAnnouncerBuildsAChangeMessage() =>
        Assert.Equal(["src/ImagingWorklist.Application/Realtime/ChangeAnnouncer.cs"], FilesContaining("new WorklistChange("));

    [Fact]
    public void OnlyTheAuditLogBuildsAnAuditRow() =>
        Assert.Equal(["src/ImagingWorklist.Application/Common/AuditLog.cs"], FilesContaining("new AuditEvent("));

    [Fact]
    public void SettingsAreReadThroughTheirTypesNotByKey()
    {
        var offenders =
            SourceFiles("src/ImagingWorklist.Web/Features", "src/ImagingWorklist.Web/Interop", "src/ImagingWorklist.Web/Components")
            .Where(f => File.ReadAllText(f).Contains("IConfiguration", StringComparison.Ordinal))
            .Select(Relative)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void NoComponentCodeBlockIsLongerThanSixtyLines()
    {
        var tooLong = SourceFiles("src/ImagingWorklist.Web")
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => (File: Relative(f), Lines: CodeBlockLines(File.ReadAllLines(f))))
            .Where(c => c.Lines > 60)
            .ToList();

        Assert.Empty(tooLong);
    }

    /// <summary>Lines fit a side-by-side diff; generated migrations are not read, so they are not held to it.</summary>
    [Fact]
    public void NoSourceLineIsLongerThan140Characters()
    {
        var tooLong = SourceFiles("src", "tests", "bench")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Relative(f)}:{i + 1}", line.Length)))
            .Where(l => l.Length > 140)
            .Select(l => $"{l.Where} ({l.Length} characters)")
            .ToList();

        Assert.Empty(tooLong);
    }

    /// <summary>A type is found by its file's name; a generic type may share the file of its non-generic namesake.</summary>
    [Fact]
    public void EachSourceFileDeclaresOneTopLevelType()
    {
        var crowded = SourceFiles("src")
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => (File: Relative(f), Types: TopLevelTypes(File.ReadLines(f))))
            .Where(f => f.Types.Count > 1)
            .Select(f => $"{f.File}: {string.Join(", ", f.Types)}")
            .ToList();

        Assert.Empty(crowded);
    }

    [Theory]
    [InlineData(new[] { "public sealed record A(int X);", "public sealed class B", "{", "    private sealed class C;", "}" }, 2)]
    [InlineData(new[] { "public readonly record struct Outcome;", "public readonly record struct Outcome<T>;" }, 1)]
    [InlineData(new[] { "public static class A", "{", "}", "file sealed class Helper;" }, 1)]
    public void TheTypeCounterCountsTopLevelNamesOnce(string[] lines, int expected) => Assert.Equal(expected, TopLevelTypes(lines).Count);

    private static HashSet<string> TopLevelTypes(IEnumerable<string> lines) =>
        [.. lines.Select(l => TopLevelType().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value)];

    [Theory]
    [InlineData(new[] { "<p>x</p>", "@code {", "    private int _a;", "}" }, 3)]
    [InlineData(new[] { "<p>x</p>" }, 0)]
    public void TheCodeBlockCounterCountsFromTheBlockToTheEnd(string[] lines, int expected) =>
        Assert.Equal(expected, CodeBlockLines(lines));

    private static int CodeBlockLines(string[] lines) =>
        Array.FindIndex(lines, l => CodeBlock().IsMatch(l)) is var start and >= 0 ? lines.Length - start : 0;

    private static List<string> FilesContaining(string text) =>
        [.. SourceFiles("src").Where(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal)).Select(Relative)
            .Order(StringComparer.Ordinal)];

    private static IEnumerable<string> SourceFiles(params string[] folders) =>
        folders.SelectMany(folder
            => Directory.EnumerateFiles(Path.Combine(Layers.RepositoryRoot, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(Layers.RepositoryRoot, path).Replace('\\', '/');

    [GeneratedRegex(@"^@code\s*\{")]
    private static partial Regex CodeBlock();

    private const string TypeDeclaration = @"^(public |internal )?((sealed|static|abstract|readonly|partial) )*"
        + @"(record struct|record class|record|class|struct|interface|enum) (?<name>\w+)";

    [GeneratedRegex(TypeDeclaration)]
    private static partial Regex TopLevelType();
}
