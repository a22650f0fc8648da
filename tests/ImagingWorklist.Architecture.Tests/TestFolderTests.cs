namespace ImagingWorklist.Architecture.Tests;

/// <summary>Tests mirror the features: whoever changes a feature finds its tests in the folder of the same name.</summary>
public class TestFolderTests
{
    [Fact]
    public void EveryApplicationFeatureHasATestFolder()
    {
        var tests = Path.Combine(Layers.RepositoryRoot, "tests", "ImagingWorklist.Application.Tests");

        var missing = Layers.FeatureFolders("ImagingWorklist.Application")
            .Where(feature => !Directory.Exists(Path.Combine(tests, feature))
                || !Directory.EnumerateFiles(Path.Combine(tests, feature), "*Tests.cs").Any())
            .ToList();

        Assert.Empty(missing);
    }
}
