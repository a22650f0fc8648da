using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class CriticalFindingConfiguration : IEntityTypeConfiguration<CriticalFinding>
{
    public void Configure(EntityTypeBuilder<CriticalFinding> builder)
    {
        builder.Property(f => f.Summary).HasMaxLength(CriticalFinding.TextMaxLength);
        builder.Property(f => f.CommunicatedTo).HasMaxLength(CriticalFinding.NameMaxLength);
        builder.Property(f => f.AcknowledgedBy).HasMaxLength(CriticalFinding.NameMaxLength);
        builder.Property(f => f.RecordedBy).HasMaxLength(CriticalFinding.NameMaxLength);
        builder.Property(f => f.SuspectedPrimarySite).HasMaxLength(CriticalFinding.SiteMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsOpen);
        builder.Ignore(f => f.State);
        builder.HasOne<Exam>().WithMany().HasForeignKey(f => f.ExamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reporter>().WithMany().HasForeignKey(f => f.RaisedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.AcknowledgedAt, f.AcknowledgeBy });
        builder.HasIndex(f => f.ExamId);
    }
}
