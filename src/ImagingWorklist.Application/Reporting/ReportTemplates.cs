using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Reporting;

/// <summary>The administrators' list of report templates: one per procedure code, or one per modality as the fallback.</summary>
public sealed class ReportTemplates(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportTemplate>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.ReportTemplates.AsNoTracking().ToListAsync(cancellationToken);
        return [.. all.OrderBy(t => t.Modality.ToString(), StringComparer.Ordinal)
            .ThenBy(t => t.ProcedureCode ?? string.Empty, StringComparer.Ordinal)];
    }

    public async Task<Outcome<Guid>> SaveAsync(TemplateDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ReportTemplate template;
        if (draft.Id is { } id)
        {
            var existing = await db.ReportTemplates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (existing is null)
            {
                return Outcome<Guid>.Rejected("That template no longer exists.");
            }

            var changed = existing.Change(draft.Name, draft.Modality, draft.ProcedureCode, draft.Text);
            if (!changed.Succeeded)
            {
                return Outcome<Guid>.Rejected(changed.Reason!);
            }

            template = existing;
        }
        else
        {
            var created = ReportTemplate.Create(Guid.NewGuid(), draft.Name, draft.Modality, draft.ProcedureCode, draft.Text);
            if (!created.Succeeded)
            {
                return Outcome<Guid>.Rejected(created.Reason!);
            }

            template = created.Value!;
            db.ReportTemplates.Add(template);
        }

        var code = template.ProcedureCode;
        if (await db.ReportTemplates.AnyAsync(t => t.Id != template.Id && t.Modality == template.Modality && t.ProcedureCode == code,
            cancellationToken))
        {
            return Outcome<Guid>.Rejected(code is null
                ? $"There is already a template for all {template.Modality} exams; edit that one."
                : $"There is already a template for {template.Modality} procedure {code}; edit that one.");
        }

        db.Audit(actor, AuditAction.ConfigurationChanged, clock.GetUtcNow(), $"Report template saved: {template.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Accepted(template.Id);
    }

    public async Task<Outcome> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.ReportTemplates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return Outcome.Rejected("That template no longer exists.");
        }

        db.ReportTemplates.Remove(template);
        db.Audit(actor, AuditAction.ConfigurationChanged, clock.GetUtcNow(), $"Report template removed: {template.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Accepted;
    }
}
