using ImagingWorklist.Domain.Identifiers;

namespace ImagingWorklist.Domain.Tests.Identifiers;

public class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", "943 476 5919")]
    [InlineData("943 476 5919", "943 476 5919")]
    [InlineData("943-476-5919", "943 476 5919")]
    [InlineData("9990000018", "999 000 0018")]
    [InlineData("4010232137", "401 023 2137")]
    public void AValidNumberIsAcceptedAndFormattedThreeThreeFour(string text, string formatted)
    {
        var parsed = NhsNumber.Parse(text);

        Assert.True(parsed.Succeeded, parsed.Reason);
        Assert.Equal(formatted, parsed.Value!.Formatted);
    }

    [Theory]
    [InlineData("9434765918", "fails the Modulus 11 check")]
    [InlineData("943476591", "must be 10 digits")]
    [InlineData("94347659190", "must be 10 digits")]
    [InlineData("94347659AB", "must be 10 digits")]
    [InlineData("", "is empty")]
    [InlineData(null, "is empty")]
    [InlineData("9990000027", "fails the Modulus 11 check")]
    public void AnInvalidNumberIsRejectedWithTheReason(string? text, string reason)
    {
        var parsed = NhsNumber.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Contains(reason, parsed.Reason);
    }

    [Fact]
    public void ANumberWhoseCheckDigitWouldBeTenIsNeverValid()
    {
        // 1000000010: weights give remainder 1, so the check digit would be 10.
        Assert.Null(NhsNumber.CheckDigit("100000001"));
        var parsed = NhsNumber.Parse("1000000010");
        Assert.False(parsed.Succeeded);
        Assert.Contains("would be 10", parsed.Reason);
    }

    [Fact]
    public void ACheckDigitOfElevenBecomesZero()
    {
        Assert.Equal(0, NhsNumber.CheckDigit("000000000"));
    }
}
