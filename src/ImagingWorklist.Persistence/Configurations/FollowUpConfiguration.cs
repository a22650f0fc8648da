using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

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
