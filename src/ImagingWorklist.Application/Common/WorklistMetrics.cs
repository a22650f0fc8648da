using System.Diagnostics.Metrics;

namespace ImagingWorklist.Application.Common;

/// <summary>
/// The product's own counters, on one meter the telemetry set-up exports (Prometheus names them
/// <c>worklist_claims_total</c> and so on). Tags are low-cardinality words, never patients, people or accessions.
/// </summary>
public static class WorklistMetrics
{
    public const string MeterName = "ImagingWorklist";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("worklist.claims", description: "Claim attempts, by outcome and reason refused");

    private static readonly Counter<long> IngestMessages = Meter.CreateCounter<long>("worklist.ingest.messages", description: "HL7 and FHIR messages answered, by channel and answer code");

    private static readonly Histogram<double> IngestSeconds = Meter.CreateHistogram<double>("worklist.ingest.duration", "s", "From receipt of a message to its answer");

    private static readonly Counter<long> LeaseExpiries = Meter.CreateCounter<long>("worklist.lease.expiries", description: "Claims whose lease lapsed and returned to the pool");

    /// <param name="outcome">claimed, ineligible, taken (a colleague was first) or refused (anything else).</param>
    public static void Claim(string outcome, string reason = "none") => Claims.Add(1, new("outcome", outcome), new("reason", reason));

    public static void Ingested(string channel, string code, TimeSpan took)
    {
        IngestMessages.Add(1, new("channel", channel), new("code", code));
        IngestSeconds.Record(took.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));
    }

    public static void LeasesExpired(int count)
    {
        if (count > 0)
        {
            LeaseExpiries.Add(count);
        }
    }
}
