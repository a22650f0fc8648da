using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Domain.Tests.Research;

public class OptOutFileTests
{
    [Fact]
    public void AFileAsTheNhsSuppliesItIsRead()
    {
        var file = OptOutFile.Parse("\uFEFF9434765919\r\n4010232137\r\n\r\n943 476 5919\n4857773457\n");

        Assert.True(file.Succeeded, file.Reason);
        Assert.Equal(["4010232137", "4857773457", "9434765919"], file.Value!.NhsNumbers);
        Assert.Equal(4, file.Value.Lines);
        Assert.Equal(1, file.Value.Repeats);
    }

    [Theory]
    [InlineData("9434765918\n", "line 1")]
    [InlineData("9434765919\n94347659\n", "line 2")]
    [InlineData("9434765919\n94347\u00006591\n", "NUL byte")]
    [InlineData("9434765919\nnot a number at all, just text that goes on\n", "characters long")]
    [InlineData("9434765919\n٩٤٣٤٧٦٥٩١٩\n", "line 2")]
    public void OneBadLineRefusesTheWholeFileNamingIt(string text, string named)
    {
        var file = OptOutFile.Parse(text);

        Assert.False(file.Succeeded);
        Assert.Contains(named, file.Reason, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileIsRefused() => Assert.False(OptOutFile.Parse(" \n\n").Succeeded);

    [Fact]
    public void ManyBadLinesAreCountedNotAllNamed()
    {
        var file = OptOutFile.Parse(string.Join('\n', Enumerable.Range(0, 50).Select(i => $"12345{i:D5}0")));

        Assert.False(file.Succeeded);
        Assert.Contains("and 40 more", file.Reason, StringComparison.Ordinal);
    }
}
