using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Web.Interop.Hl7v2;

namespace ImagingWorklist.Web.IntegrationTests.Operations;

/// <summary>
/// The product's spans, as an OpenTelemetry collector receives them: one per HL7 message from receipt to answer, naming
/// its type, control id, answer and the ingest batch it went in, and one per batch, linked to its messages.
/// </summary>
public sealed class TracingTests(Interop.Hl7v2.Hl7IngestEndpointTests.App app) : IClassFixture<Interop.Hl7v2.Hl7IngestEndpointTests.App>
{
    [Fact]
    public async Task EachMessageHasASpanFromReceiptToAnswerNamingTheBatchItWentIn()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WorklistMetrics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var controlId = $"TR{Guid.NewGuid():N}"[..20];
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));

        var answer =
            await client.PostAsync(Hl7Endpoints.Path,
            new StringContent(Interop.Hl7v2.Hl7IngestEndpointTests.Message(controlId, "RZ1TRACE0001"), Encoding.UTF8,
            Hl7Endpoints.MediaType));

        Assert.Contains($"MSA|AA|{controlId}|", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var message = Assert.Single(spans, s => s.OperationName == "HL7 message" && (string?)s.GetTagItem("hl7.control_id") == controlId);
        Assert.Equal(ActivityKind.Consumer, message.Kind);
        Assert.Equal("ORM^O01", message.GetTagItem("hl7.message_type"));
        Assert.Equal("AA", message.GetTagItem("hl7.ack_code"));
        Assert.Equal("HTTP", message.GetTagItem("worklist.ingest.channel"));
        var batchId = Assert.IsType<string>(message.GetTagItem("worklist.ingest.batch"));
        var batch = Assert.Single(spans, s => s.OperationName == "HL7 batch" && s.SpanId.ToHexString() == batchId);
        Assert.Contains(batch.Links, link => link.Context.SpanId == message.SpanId);
        Assert.Equal(default, batch.ParentSpanId);
        Assert.Equal(message.GetTagItem("worklist.ingest.batch_size"), batch.GetTagItem("worklist.ingest.batch_size"));
        Assert.True(batch.StartTimeUtc >= message.StartTimeUtc
            && batch.StartTimeUtc + batch.Duration <= message.StartTimeUtc + message.Duration,
            "the batch runs inside the time the message waited for its answer");

        // No patient or accession in any tag a collector would store.
        var tags = string.Join(" ", spans.SelectMany(s => s.TagObjects).Select(t => $"{t.Key}={t.Value}"));
        Assert.DoesNotContain("9434765919", tags, StringComparison.Ordinal);
        Assert.DoesNotContain("RZ1TRACE0001", tags, StringComparison.Ordinal);
        Assert.DoesNotContain("Testpatient", tags, StringComparison.Ordinal);
    }
}
