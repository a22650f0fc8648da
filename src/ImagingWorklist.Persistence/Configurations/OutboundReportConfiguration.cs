using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class OutboundReportConfiguration : IEntityTypeConfiguration<OutboundReport>
{
    public void Configure(EntityTypeBuilder<OutboundReport> builder)
    {
        builder.Property(o => o.Kind).HasMaxLength(OutboundReport.KindMaxLength);
        builder.Property(o => o.LastError).HasMaxLength(OutboundReport.ErrorMaxLength);
        builder.Property(o => o.Endpoint).HasMaxLength(OutboundReport.EndpointMaxLength);
        builder.Property(o => o.Response).HasMaxLength(OutboundReport.ErrorMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Report>().WithMany().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Exam>().WithMany().HasForeignKey(o => o.ExamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
        builder.HasIndex(o => o.ExamId);
    }
}
