using ImagingWorklist.Simulator;

namespace ImagingWorklist.Simulation.Tests;

/// <summary>The simulator's command line as a user meets it: help exits 0, any mistake exits 2 naming it, before anything runs.</summary>
public sealed class ArgumentsTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("compare --help")]
    [InlineData("drive --help")]
    [InlineData("grid --help")]
    [InlineData("optimal --help")]
    public async Task HelpExitsZeroAndRunsNothing(string line)
    {
        var (code, output, error) = await RunAsync(line);

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("replications ×", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("compare --dayz 3", "--dayz")]
    [InlineData("compare --per-day lots", "lots")]
    [InlineData("compare --per-day 5", "--per-day must be a whole number from 10 to 200000; 5 is not.")]
    [InlineData("compare stray", "stray")]
    [InlineData("simulate", "simulate")]
    [InlineData("optimal --sizes 10,lots", "--sizes must be whole numbers from 4 to 400")]
    [InlineData("", "command")]
    [InlineData("drive --url http://127.0.0.1:5000 --password x", "--mllp")]
    [InlineData("drive --mllp nowhere --url http://127.0.0.1:5000 --password x", "--mllp must be an address and port")]
    [InlineData("drive --mllp 10.0.0.1:2575 --url http://127.0.0.1:5000 --password x", "not a loopback address")]
    public async Task AMistakeExitsTwoNamingIt(string line, string named)
    {
        var (code, _, error) = await RunAsync(line);

        Assert.Equal(Commands.UsageError, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareRunsWithItsOptionsAndWritesItsReport()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}");
        try
        {
            var (code, output, _) = await RunAsync($"compare --replications 1 --days 1 --per-day 200 --backlog 50 --out {folder}");

            Assert.Equal(0, code);
            Assert.Contains("1 days", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "report.md")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string line)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Commands.RunAsync(line.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
