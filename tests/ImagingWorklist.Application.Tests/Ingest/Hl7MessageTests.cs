using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Application.Tests.Ingest;

public class Hl7MessageTests
{
    private const string Order =
        "MSH|^~\\&|RIS|RTA|IW|NET|20261125093000||ORM^O01|MSG0001|P|2.3\r" +
        "PID|1||9434765919^^^NHS^NH~A123456^^^RTA^MR||Smith^Jane^Q||19700102|F\r" +
        "PV1|1|O|RTA01^^^RTA01\r" +
        "ORC|NW|P1|F1||SC\r" +
        "OBR|1|P1|F1|XCHES^XR Chest^LOCAL|||20261125090000||||||Cough \\T\\ fever\\.br\\3 weeks|||||RTA00000042\r" +
        "ZDS|1.2.826.0.1.3680043.2.1125.1\r";

    [Fact]
    public void FieldsComponentsAndRepetitionsAreReadWithHl7Numbering()
    {
        var message = Hl7Message.Parse(Order).ValueOrThrow();

        Assert.Equal("ORM^O01", message.MessageType);
        Assert.Equal("MSG0001", message.ControlId);
        Assert.Equal("RTA", message.SendingFacility);
        Assert.Equal("2.3", message.Version);
        Assert.Equal("|", message.Value("MSH", 1));
        Assert.Equal("9434765919", message.Value("PID", 3));
        Assert.Equal("MR", message.Value("PID", 3, repetition: 2, component: 5));
        Assert.Equal("Jane", message.Value("PID", 5, component: 2));
        Assert.Equal(2, message.Repetitions("PID", 3).Count);
        Assert.Equal("XCHES", message.Value("OBR", 4));
        Assert.Equal(string.Empty, message.Value("OBR", 99));
        Assert.Equal(string.Empty, message.Value("PID", 5, component: 9));
        Assert.True(message.Has("ZDS"));
    }

    [Fact]
    public void EscapeSequencesAreDecoded()
    {
        var message = Hl7Message.Parse(Order).ValueOrThrow();

        Assert.Equal("Cough & fever\n3 weeks", message.Value("OBR", 13));
    }

    [Fact]
    public void LineFeedsAndCrLfAreAcceptedAsSegmentEnds()
    {
        var withLf = Hl7Message.Parse(Order.Replace('\r', '\n')).ValueOrThrow();
        var withCrLf = Hl7Message.Parse(Order.Replace("\r", "\r\n", StringComparison.Ordinal)).ValueOrThrow();

        Assert.Equal("XCHES", withLf.Value("OBR", 4));
        Assert.Equal("XCHES", withCrLf.Value("OBR", 4));
        Assert.Equal(6, withCrLf.SegmentNames.Count());
    }

    [Fact]
    public void DelimitersComeFromTheHeader()
    {
        var message = Hl7Message.Parse("MSH#*!%$#RIS#RTA#IW#NET#20261125##ORM*O01#M2#P#2.4\rPID#1##A1*X*Y!A2##Smith*Jo\r").ValueOrThrow();

        Assert.Equal('#', message.FieldSeparator);
        Assert.Equal("ORM^O01", message.MessageType);
        Assert.Equal("Jo", message.Value("PID", 5, component: 2));
        Assert.Equal("A2", message.Value("PID", 3, repetition: 2));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("PID|1||A1", "must start with an MSH segment")]
    [InlineData("MSH|^^^^|RIS", "four distinct encoding characters")]
    [InlineData("MSH|^~\\&|RIS\rP!D|1", "is not a segment name")]
    public void AMessageThatCannotBeReadIsRefusedWithTheReason(string text, string reason)
    {
        var parsed = Hl7Message.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Contains(reason, parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20261125093000", "2026-11-25T09:30:00Z")]
    [InlineData("20260725093000", "2026-07-25T08:30:00Z")]
    [InlineData("202611250930+0100", "2026-11-25T08:30:00Z")]
    [InlineData("20261125", "2026-11-25T00:00:00Z")]
    [InlineData("20261125093000.1234", "2026-11-25T09:30:00Z")]
    public void TimesWithoutAZoneAreUkLocalTime(string text, string utc)
    {
        var value = Hl7Message.ParseTime(text, UkCalendar.Zone);

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("20261340")]
    [InlineData("20261125+99")]
    public void ImpossibleTimesAreNotGuessed(string text) => Assert.Null(Hl7Message.ParseTime(text, TimeZoneInfo.Utc));

    [Fact]
    public void TextIsEscapedForTheSendersDelimiters()
    {
        var message = Hl7Message.Parse(Order).ValueOrThrow();

        Assert.Equal("a\\F\\b\\S\\c\\T\\d\\E\\e\\R\\f\\.br\\g", message.Escape("a|b^c&d\\e~f\ng"));
    }
}
