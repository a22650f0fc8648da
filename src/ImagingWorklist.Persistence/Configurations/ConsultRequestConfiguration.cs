using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ConsultRequestConfiguration : IEntityTypeConfiguration<ConsultRequest>
{
    public void Configure(EntityTypeBuilder<ConsultRequest> builder)
    {
        builder.Property(c => c.Question).HasMaxLength(ConsultRequest.TextMaxLength);
        builder.Property(c => c.Answer).HasMaxLength(ConsultRequest.TextMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Exam>().WithMany().HasForeignKey(c => c.ExamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reporter>().WithMany().HasForeignKey(c => c.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.Status, c.Skill });
        builder.HasIndex(c => c.ExamId);
    }
}
