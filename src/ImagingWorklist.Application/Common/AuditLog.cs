using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;

namespace ImagingWorklist.Application.Common;

/// <summary>The one way an audit row is written: added to the caller's unit of work, so it commits with the change it describes.</summary>
public static class AuditLog
{
    public static AuditEvent Audit(
        this WorklistDbContext db,
        Actor actor,
        AuditAction action,
        DateTimeOffset at,
        string detail,
        Guid? examId = null,
        Guid? trustId = null,
        string? reason = null)
    {
        var row = new AuditEvent(Guid.NewGuid(), at, action, actor.Name, examId, trustId, detail, actor.Source, reason);
        db.AuditEvents.Add(row);
        return row;
    }
}
