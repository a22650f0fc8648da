using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Admin;

/// <summary>
/// The procedure catalogue that turns a RIS procedure code into the skill it needs and its expected reading minutes.
/// Administrators add and correct entries; each change is audited. Orders refused for an unknown code can then be
/// processed again from the inbound message list.
/// </summary>
public sealed class ProcedureCatalogue(IDbContextFactory<WorklistDbContext> contexts, AuditTrail audit,
    Ingest.IngestReferenceData ingestReference)
{
    public const int MaxReadingMinutes = 240;

    public async Task<IReadOnlyList<ProcedureEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Procedures.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new ProcedureEntry(p.Code, p.Description, p.Modality, p.BodyPart, p.RequiredSkill, p.ExpectedReadingMinutes))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome> SaveAsync(ProcedureEntry entry, Actor actor, CancellationToken cancellationToken = default)
    {
        var code = (entry.Code ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length is 0 or > Procedure.CodeMaxLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return Outcome.Rejected($"A procedure code is 1 to {Procedure.CodeMaxLength} letters, digits, '-', '_' or '.'.");
        }

        if (string.IsNullOrWhiteSpace(entry.Description) || entry.Description.Length > Exam.ProcedureDescriptionMaxLength)
        {
            return Outcome.Rejected($"Give a description of up to {Exam.ProcedureDescriptionMaxLength} characters.");
        }

        if (entry.ExpectedReadingMinutes is < 1 or > MaxReadingMinutes)
        {
            return Outcome.Rejected($"Expected reading time must be 1 to {MaxReadingMinutes} minutes.");
        }

        if ((entry.BodyPart ?? string.Empty).Trim().Length > Exam.BodyPartMaxLength)
        {
            return Outcome.Rejected($"A body part is at most {Exam.BodyPartMaxLength} characters.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Procedures.SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (existing is null)
        {
            db.Procedures.Add(
                new Procedure(code, entry.Description.Trim(), entry.Modality, entry.BodyPart ?? string.Empty, entry.RequiredSkill,
                entry.ExpectedReadingMinutes));
        }
        else
        {
            existing.Revise(entry.Description, entry.Modality, entry.BodyPart ?? string.Empty, entry.RequiredSkill,
                entry.ExpectedReadingMinutes);
        }

        await db.SaveChangesAsync(cancellationToken);
        ingestReference.Invalidate();
        await audit.RecordAsync(AuditAction.ConfigurationChanged, actor.Name,
            $"{(existing is null ? "Added" : "Changed")} procedure {code}: {entry.Description.Trim()}, {entry.Modality}, " +
                $"{entry.RequiredSkill}, {entry.ExpectedReadingMinutes} min", actor.Source, cancellationToken);
        return Outcome.Accepted;
    }
}
