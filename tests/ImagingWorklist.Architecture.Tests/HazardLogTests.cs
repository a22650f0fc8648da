namespace ImagingWorklist.Architecture.Tests;

/// <summary>The safety case's hazard log cannot drift from the code: its controls are tests that exist.</summary>
public class HazardLogTests
{
    private static readonly string LogPath = Path.Combine(Layers.RepositoryRoot, "docs", "safety", "hazard-log.md");

    private static readonly Lazy<ISet<string>> Tests = new(() => HazardLog.TestsIn(Path.Combine(Layers.RepositoryRoot, "tests")));

    [Fact]
    public void EveryControlInTheHazardLogIsATestThatExistsAndEveryClassFollowsTheMatrix()
    {
        var log = File.ReadAllText(LogPath);

        var hazards = HazardLog.Read(log);

        Assert.True(hazards.Count >= 14, $"The log lists {hazards.Count} hazards; DCB0129 review asked for at least 14.");
        Assert.Empty(HazardLog.Problems(log, Tests.Value));
        Assert.DoesNotContain(hazards, h => h.ResidualClass >= 4);
    }

    [Fact]
    public void TheReaderFailsALogThatNamesATestThatDoesNotExist()
    {
        var log = File.ReadAllText(LogPath).Replace(
            "ClaimRaceTests.ThirtyTwoConcurrentClaimersProduceExactlyOneWinnerPerExam",
                "ClaimRaceTests.ThirtyTwoConcurrentClaimersProduceTwoWinners", StringComparison.Ordinal);

        var problems = HazardLog.Problems(log, Tests.Value);

        Assert.Equal(
            ["H02: no test named ImagingWorklist.Application.Tests.Claiming.ClaimRaceTests.ThirtyTwoConcurrentClaimersProduceTwoWinners " +
                "in the solution."], problems);
    }

    [Theory]
    [InlineData("- **Residual**: Considerable × Very low → 2. **Status**: Controlled.",
        "- **Residual**: Considerable × Very low → 1. **Status**: Controlled.",
        "H02: residual risk Considerable × Very low is class 2 on the DCB0129 matrix, not 1.")]
    [InlineData("| H05 | A report draft lost | 3 | 1 | Controlled |", "| H05 | A report draft lost | 3 | 2 | Controlled |",
        "H05: the summary table says 3 → 2 (Controlled), the section 3 → 1 (Controlled).")]
    public void TheReaderFailsAClassOffTheMatrixOrASummaryThatDisagrees(string original, string changed, string expected)
    {
        var log = File.ReadAllText(LogPath);
        var index = log.IndexOf(original, StringComparison.Ordinal);
        Assert.True(index >= 0, original);

        var problems = HazardLog.Problems(string.Concat(log.AsSpan(0, index), changed, log.AsSpan(index + original.Length)), Tests.Value);

        Assert.Contains(expected, problems);
    }

    [Fact]
    public void AControlledHazardWithoutTestsIsRefusedAndAnOpenOneIsNot()
    {
        const string Log = """
            | H01 | One | 3 | 2 | Controlled |
            | H02 | Two | 3 | 3 | Open |

            ## H01 One
            - **Initial**: Major × Medium → 3.
            - **Residual**: Major × Very low → 2. **Status**: Controlled.

            ## H02 Two
            - **Initial**: Major × Medium → 3.
            - **Residual**: Major × Medium → 3. **Status**: Open.
            """;

        Assert.Equal(["H01: a controlled hazard must name the tests that demonstrate its controls."],
            HazardLog.Problems(Log, new HashSet<string>()));
    }
}
