using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.FollowUps;

/// <summary>What a reporter asks for: a catalogue procedure by code, or a clinical review (no code).</summary>
public sealed record FollowUpRequest(string? ProcedureCode, DateOnly DueBy, string Reason, FollowUpRecipient Recipient,
    string RecipientName);
