using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Domain.Tests.Research;

public class DeidentificationTests
{
    [Fact]
    public void APseudonymIsStableUnderOneSecretAndDiffersUnderAnother()
    {
        var one = new Pseudonymiser(Pseudonymiser.NewSecret());
        var other = new Pseudonymiser(Pseudonymiser.NewSecret());

        Assert.Equal(one.Pseudonym("P", "9434765919"), one.Pseudonym("P", "9434765919"));
        Assert.NotEqual(one.Pseudonym("P", "9434765919"), other.Pseudonym("P", "9434765919"));
        Assert.NotEqual(one.Pseudonym("P", "9434765919"), one.Pseudonym("P", "4010232137"));
        Assert.Matches("^P-[A-Z0-9]{20}$", one.Pseudonym("P", "9434765919"));
        Assert.DoesNotContain("9434765919", one.Pseudonym("P", "9434765919"), StringComparison.Ordinal);
    }

    [Fact]
    public void NoPseudonymHoldsARunOfFiveDigitsSoNoneCanReadAsAnNhsNumber()
    {
        var pseudonymiser = new Pseudonymiser(Pseudonymiser.NewSecret());

        // Without the rule about one in 10^4 of these would hold ten digits in a row, and one in twenty a run of five.
        var pseudonyms = Enumerable.Range(0, 50_000).Select(i => pseudonymiser.Pseudonym("S", $"1.2.826.0.1.{i}")).ToList();

        Assert.All(pseudonyms, p => Assert.DoesNotMatch(@"\d{5}", p));
        Assert.All(pseudonyms, p => Assert.Matches("^S-([A-Z0-9]{4}[A-Z]){4}$", p));
        Assert.Equal(pseudonyms.Count, pseudonyms.Distinct().Count());
        Assert.Contains(pseudonyms, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"\d{4}"));
    }

    [Fact]
    public void DateShiftsAreWithinAYearNeverZeroAndSpreadOverTheRange()
    {
        var pseudonymiser = new Pseudonymiser(Pseudonymiser.NewSecret());
        var shifts = Enumerable.Range(0, 5000).Select(i => pseudonymiser.ShiftDays($"patient-{i}")).ToList();

        Assert.All(shifts, s => Assert.InRange(Math.Abs(s), 1, Pseudonymiser.MaxShiftDays));
        Assert.Equal(pseudonymiser.ShiftDays("patient-7"), shifts[7]);
        Assert.InRange(shifts.Count(s => s < 0), 2200, 2800);
        Assert.True(shifts.Distinct().Count() > 600);
    }

    [Fact]
    public void ASecretShorterThan32BytesIsRefused() =>
        Assert.Throws<ArgumentException>(() => new Pseudonymiser(new byte[16]));

    [Theory]
    [InlineData(0, "0-4")]
    [InlineData(4, "0-4")]
    [InlineData(5, "5-9")]
    [InlineData(47, "45-49")]
    [InlineData(89, "85-89")]
    [InlineData(90, "90+")]
    [InlineData(104, "90+")]
    public void AgesAreFiveYearBandsWithNinetyAndOverTogether(int age, string band) => Assert.Equal(band, AgeBand.Of(age));

    [Fact]
    public void ACombinationSharedByFewerThanKPatientsIsSuppressed()
    {
        var common = new QuasiIdentifier("60-64", Sex.Female, "RR8", "2026-11");
        var rare = new QuasiIdentifier("90+", Sex.Male, "RR8", "2026-11");
        var rows = new List<(string Patient, QuasiIdentifier Quasi)>();
        rows.AddRange(Enumerable.Range(0, 5).Select(i => ($"p{i}", common)));
        rows.Add(("p0", common));
        rows.AddRange(Enumerable.Range(0, 4).Select(i => ($"q{i}", rare)));
        rows.Add(("q0", rare));

        var (kept, suppressed) = SmallCells.Suppress(rows, r => r.Patient, r => r.Quasi, SmallCells.DefaultK);

        Assert.Equal(6, kept.Count);
        Assert.All(kept, r => Assert.Equal(common, r.Quasi));
        Assert.Equal(5, suppressed);
    }

    [Fact]
    public void EveryCombinationReleasedDescribesAtLeastKPatients()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 2000).Select(i =>
            ($"p{random.Next(600)}", new QuasiIdentifier(AgeBand.Of(random.Next(100)), (Sex)random.Next(3), $"T{random.Next(3)}",
                $"2026-{random.Next(1, 13):D2}"))).ToList();

        var (kept, suppressed) = SmallCells.Suppress(rows, r => r.Item1, r => r.Item2, 3);

        Assert.All(kept.GroupBy(r => r.Item2), g => Assert.True(g.Select(r => r.Item1).Distinct().Count() >= 3));
        Assert.Equal(rows.Count, kept.Count + suppressed);
        Assert.True(suppressed > 0);
    }
}
