using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImagingWorklist.Application.Common;

/// <summary>
/// The product's own counters, on one meter the telemetry set-up exports (Prometheus names them
/// <c>worklist_claims_total</c> and so on), and its trace source (a span per HL7/FHIR message and per ingest batch).
/// Tags are low-cardinality words or message ids, never patients, people or accessions.
/// </summary>
public static class WorklistMetrics
{
    public const string MeterName = "ImagingWorklist";

    public const string SourceName = "ImagingWorklist";

    /// <summary>Spans: "HL7 message" from receipt to answer, "HL7 batch" for each group commit (linked to its messages).</summary>
    public static readonly ActivitySource Traces = new(SourceName);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> EngineEvents =
        Meter.CreateCounter<long>("worklist.engine.events", description: "Changes applied to this instance's engine, by kind");

    private static readonly Histogram<double> EngineRebuilds =
        Meter.CreateHistogram<double>("worklist.engine.rebuild.duration", "s", "Building the engine from the database");

    private static readonly Counter<long> Claims =
        Meter.CreateCounter<long>("worklist.claims", description: "Claim attempts, by outcome and reason refused");

    private static readonly Counter<long> IngestMessages =
        Meter.CreateCounter<long>("worklist.ingest.messages", description: "HL7 and FHIR messages answered, by channel and answer code");

    private static readonly Histogram<double> IngestSeconds =
        Meter.CreateHistogram<double>("worklist.ingest.duration", "s", "From receipt of a message to its answer");

    private static readonly Counter<long> LeaseExpiries =
        Meter.CreateCounter<long>("worklist.lease.expiries", description: "Claims whose lease lapsed and returned to the pool");

    /// <param name="outcome">claimed, ineligible, taken (a colleague was first) or refused (anything else).</param>
    public static void Claim(string outcome, string reason = "none") => Claims.Add(1, new("outcome", outcome), new("reason", reason));

    public static void Ingested(string channel, string code, TimeSpan took)
    {
        IngestMessages.Add(1, new("channel", channel), new("code", code));
        IngestSeconds.Record(took.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));
    }

    /// <param name="kind">exam (an exam re-read or applied), claim, reporters (rota, credentials, skills) or tick.</param>
    public static void EngineEvent(string kind) => EngineEvents.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void EngineRebuilt(TimeSpan took) => EngineRebuilds.Record(took.TotalSeconds);

    public static void LeasesExpired(int count)
    {
        if (count > 0)
        {
            LeaseExpiries.Add(count);
        }
    }
}
