using ImagingWorklist.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

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
