using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Turnaround;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(Procedure.CodeMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Exam.ProcedureDescriptionMaxLength);
        builder.Property(p => p.BodyPart).HasMaxLength(Exam.BodyPartMaxLength);
    }
}

internal sealed class TurnaroundRuleConfiguration : IEntityTypeConfiguration<TurnaroundRule>
{
    public void Configure(EntityTypeBuilder<TurnaroundRule> builder)
    {
        builder.Property(r => r.Source).HasMaxLength(TurnaroundRule.SourceMaxLength);
        builder.Ignore(r => r.Target);
        builder.Ignore(r => r.Specificity);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(AuditEvent.ActorMaxLength);
        builder.Property(a => a.Source).HasMaxLength(AuditEvent.SourceMaxLength);
        builder.Property(a => a.Detail).HasMaxLength(AuditEvent.DetailMaxLength);
        builder.Property(a => a.Reason).HasMaxLength(AuditEvent.DetailMaxLength);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ExamId, a.At });
    }
}
