using ImagingWorklist.Domain.Identifiers;

namespace ImagingWorklist.Domain.Tests.Identifiers;

public class IdentifierTests
{
    [Theory]
    [InlineData("RZ100001234", true)]
    [InlineData("  ACC-1  ", true)]
    [InlineData("12345678901234567", false)]
    [InlineData("", false)]
    [InlineData("AB\\CD", false)]
    public void AccessionNumbersFollowTheDicomShortStringLimits(string text, bool valid)
    {
        Assert.Equal(valid, AccessionNumber.Parse(text).Succeeded);
    }

    [Theory]
    [InlineData("rxh", "RXH", true)]
    [InlineData("RXH01", "RXH01", true)]
    [InlineData("R1", null, false)]
    [InlineData("RX-1", null, false)]
    public void OdsCodesAreNormalisedToUpperCase(string text, string? expected, bool valid)
    {
        var parsed = OdsCode.Parse(text);

        Assert.Equal(valid, parsed.Succeeded);
        Assert.Equal(expected, parsed.Value?.Value);
    }

    [Theory]
    [InlineData("1.2.826.0.1.3680043.8.498.1", true)]
    [InlineData("2.25.329800735698586629295641978511506172918", true)]
    [InlineData("1.2.03.4", false)]
    [InlineData("1..2", false)]
    [InlineData("1.2.a", false)]
    public void StudyInstanceUidsMustBeDicomUids(string text, bool valid)
    {
        Assert.Equal(valid, StudyInstanceUid.Parse(text).Succeeded);
    }

    [Fact]
    public void AStudyInstanceUidLongerThanSixtyFourCharactersIsRejected()
    {
        var parsed = StudyInstanceUid.Parse("1." + new string('2', 63));

        Assert.False(parsed.Succeeded);
        Assert.Contains("longer than 64", parsed.Reason);
    }

    [Fact]
    public void FromTrustedThrowsForAProgrammerError()
    {
        Assert.Throws<ArgumentException>(() => NhsNumber.FromTrusted("123"));
    }
}
