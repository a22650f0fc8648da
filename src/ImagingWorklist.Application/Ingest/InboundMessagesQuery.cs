using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Ingest;

/// <summary>The inbound message log for administrators: refused (the dead-letter list) and held messages first.</summary>
public sealed class InboundMessagesQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task<(IReadOnlyList<InboundRow> Rows, int Total)> PageAsync(InboundStatus? status, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var messages = db.InboundMessages.AsNoTracking();
        if (status is { } only)
        {
            messages = messages.Where(m => m.Status == only);
        }

        var total = await messages.CountAsync(cancellationToken);
        var rows = await messages.OrderByDescending(m => m.ReceivedAt).ThenBy(m => m.Id).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(m =>
                new InboundRow(m.Id, m.ReceivedAt, m.Channel, m.Source, m.SendingFacility, m.ControlId, m.MessageType, m.Status, m.AckCode,
                m.Error, m.Key))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>The message as received. It carries patient data, so reading it is audited as a view.</summary>
    public async Task<string?> RawAsync(Guid id, Actor viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.InboundMessages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Raw, m.TrustId, m.ExamId, m.ControlId, m.SendingFacility }).SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return null;
        }

        db.Audit(viewer, AuditAction.PatientDataViewed, clock.GetUtcNow(),
            $"Viewed inbound message {message.ControlId} from {message.SendingFacility}", examId: message.ExamId, trustId: message.TrustId);
        await db.SaveChangesAsync(cancellationToken);
        return message.Raw;
    }
}
