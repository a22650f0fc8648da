using ImagingWorklist.Application.Ingest;

namespace ImagingWorklist.Application.Tests.Ingest;

public class IngestOutcomeTests
{
    [Fact]
    public void AnAckReadsBackIntoItsCodeTextAndEachProblemWithSegmentAndField()
    {
        var message = Hl7Message.Parse("MSH|^~\\&|RIS|RZ1|IW|NET|20261129093000||ORM^O01|MSG1|P|2.4\rPID|1").Value!;
        Hl7Error[] errors =
        [
            new("PID", 3, 101, "PID-3 must carry the NHS number ^ or the local number | here"),
            new("OBR", 4, 103, "Procedure 'XYZ' is not in the catalogue"),
        ];
        var ack = Hl7Ack.Build(message, Hl7Ack.Error, "Order refused: see ERR & fix", errors, DateTimeOffset.UnixEpoch, "IW1");

        var outcome = IngestOutcome.FromAck(ack);

        Assert.Equal((Hl7Ack.Error, "Order refused: see ERR & fix", false, ack),
            (outcome.Code, outcome.Text, outcome.Accepted, outcome.Ack));
        Assert.Equal(errors, outcome.Errors);
    }

    [Fact]
    public void AnUnreadableAckIsARejection()
    {
        var outcome = IngestOutcome.FromAck("not an ack");

        Assert.Equal(Hl7Ack.Reject, outcome.Code);
        Assert.Empty(outcome.Errors);
    }
}
