namespace ImagingWorklist.Domain.Audit;

/// <summary>One append-only audit row: who did what, when, from where and why. Never updated or deleted.</summary>
public sealed class AuditEvent
{
    public const int ActorMaxLength = 200;
    public const int SourceMaxLength = 100;
    public const int DetailMaxLength = 2000;

    private AuditEvent()
    {
        Actor = string.Empty;
        Detail = string.Empty;
    }

    public AuditEvent(
        Guid id,
        DateTimeOffset at,
        AuditAction action,
        string actor,
        Guid? examId,
        Guid? trustId,
        string detail,
        string? source = null,
        string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Id = id;
        At = at;
        Action = action;
        Actor = actor;
        ExamId = examId;
        TrustId = trustId;
        Detail = detail;
        Source = source;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>User name, integration client id, or "system" for hosted services.</summary>
    public string Actor { get; private set; }

    public Guid? ExamId { get; private set; }

    public Guid? TrustId { get; private set; }

    public string Detail { get; private set; }

    /// <summary>Remote address or channel (MLLP peer, HTTP client).</summary>
    public string? Source { get; private set; }

    public string? Reason { get; private set; }
}
