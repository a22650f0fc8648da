using System.Reflection;
using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Architecture.Tests;

/// <summary>The assemblies and folders the architecture rules speak of.</summary>
internal static class Layers
{
    public static Assembly Domain { get; } = typeof(Outcome).Assembly;

    public static Assembly Persistence { get; } = typeof(Persistence.WorklistDbContext).Assembly;

    public static Assembly Application { get; } = typeof(Application.ApplicationServices).Assembly;

    public static Assembly Web { get; } = typeof(Program).Assembly;

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The feature folders of a project under src/ (each is a namespace of the same name).</summary>
    public static IReadOnlyList<string> FeatureFolders(string project) =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepositoryRoot, "src", project))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "Properties"))
            .Order(StringComparer.Ordinal)];

    private static string FindRoot()
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
