using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(Report.TextMaxLength);
        builder.Property(r => r.SubmittedText).HasMaxLength(Report.TextMaxLength);
        builder.Property(r => r.ReturnComment).HasMaxLength(Report.CommentMaxLength);
        builder.Ignore(r => r.EditedInVerification);
        builder.Ignore(r => r.IsSigned);
        builder.HasOne<Exam>().WithMany().HasForeignKey(r => r.ExamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reporter>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.AddendumToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ExamId, r.Status });

        // Reporter activity reads a period's signatures and verifications.
        builder.HasIndex(r => r.SubmittedAt);
        builder.HasIndex(r => r.SignedAt);
        builder.HasIndex(r => r.VerifiedAt);
    }
}
