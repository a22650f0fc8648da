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

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.PatientNhsNumber).HasMaxLength(10);
        builder.Property(f => f.PatientMrn).HasMaxLength(Patient.MrnMaxLength);
        builder.Property(f => f.ProcedureCode).HasMaxLength(Exam.ProcedureCodeMaxLength);
        builder.Property(f => f.BodyPart).HasMaxLength(Exam.BodyPartMaxLength);
        builder.Property(f => f.Description).HasMaxLength(Exam.ProcedureDescriptionMaxLength);
        builder.Property(f => f.Reason).HasMaxLength(FollowUp.TextMaxLength);
        builder.Property(f => f.RecipientName).HasMaxLength(FollowUp.NameMaxLength);
        builder.Property(f => f.ClosedNote).HasMaxLength(FollowUp.TextMaxLength);
        builder.Property(f => f.ClosedBy).HasMaxLength(FollowUp.NameMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsOpen);
        builder.HasOne<Exam>().WithMany().HasForeignKey(f => f.ExamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reporter>().WithMany().HasForeignKey(f => f.RecommendedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.Status, f.PatientNhsNumber });
        builder.HasIndex(f => new { f.Status, f.TrustId, f.PatientMrn });
        builder.HasIndex(f => f.ExamId);
    }
}

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
