using System.Diagnostics;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Persistence;

namespace ImagingWorklist.Application.Ingest;

/// <summary>What travels through the ingest: a message waiting for its answer, the answer, and a batch's work and changes.</summary>
public sealed partial class Hl7Ingest
{
    /// <summary>A message waiting for the loop, and the answer its sender waits for.</summary>
    private sealed class Pending(Hl7Message message, string facility, string controlId, AccessScope sender, DateTimeOffset receivedAt)
    {
        public Hl7Message Message => message;

        public string Facility => facility;

        public string ControlId => controlId;

        public AccessScope Sender => sender;

        public DateTimeOffset ReceivedAt => receivedAt;

        public required string Raw { get; init; }

        public string Channel { get; init; } = string.Empty;

        public string Source { get; init; } = string.Empty;

        public string? Original { get; init; }

        /// <summary>A stored message an administrator asked to process again.</summary>
        public Guid? Again { get; init; }

        /// <summary>Orders go together in a batch; everything else goes alone.</summary>
        public bool IsOrder => Again is null && message.MessageType is "ORM^O01" or "OMI^O23";

        /// <summary>The message's span (receipt to answer), which the batch it goes in links to.</summary>
        public Activity? Trace { get; } = Activity.Current;

        /// <summary>The same message earlier in the batch, whose answer this one gets.</summary>
        public Pending? Copy { get; set; }

        public TaskCompletionSource<Answered> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Answered(string Ack, InboundStatus Status);

    /// <summary>One stored message being applied in this attempt (a failed batch starts again from the message).</summary>
    private sealed class Work(Pending pending, InboundMessage stored)
    {
        public Pending Pending => pending;

        public InboundMessage Stored => stored;

        public Domain.Network.Trust? Trust { get; set; }

        public Hl7Order? Order { get; set; }

        public string? Ack { get; set; }
    }

    /// <summary>Exams changed by a batch, each once, in the order first changed; added wins over updated.</summary>
    private sealed class Changes
    {
        private readonly List<Exam> _order = [];
        private readonly Dictionary<Exam, bool> _added = new(ReferenceEqualityComparer.Instance);

        public IEnumerable<(Exam Exam, bool Added)> All => _order.Select(e => (e, _added[e]));

        public int Count => _order.Count;

        /// <summary>Exams whose reporting views an observer changed (a follow-up closed), announced after the commit.</summary>
        public HashSet<Guid> Reporting { get; } = [];

        public void Add(Exam exam, bool added)
        {
            if (_added.TryGetValue(exam, out var before))
            {
                _added[exam] = before || added;
                return;
            }

            _order.Add(exam);
            _added[exam] = added;
        }
    }
}
