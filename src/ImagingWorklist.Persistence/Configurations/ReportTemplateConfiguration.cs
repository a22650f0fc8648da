using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ReportTemplate.NameMaxLength);
        builder.Property(t => t.ProcedureCode).HasMaxLength(Exam.ProcedureCodeMaxLength);
        builder.Property(t => t.Text).HasMaxLength(Report.TextMaxLength);
        builder.HasIndex(t => new { t.Modality, t.ProcedureCode }).IsUnique();
    }
}
