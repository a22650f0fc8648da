using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ClaimOfferConfiguration : IEntityTypeConfiguration<ClaimOffer>
{
    public void Configure(EntityTypeBuilder<ClaimOffer> builder)
    {
        // Read per period and reporter by the activity page.
        builder.HasIndex(o => new { o.At, o.ReporterId });
        builder.HasOne<Domain.Reporters.Reporter>().WithMany().HasForeignKey(o => o.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Exams.Exam>().WithMany().HasForeignKey(o => o.ExamId).OnDelete(DeleteBehavior.Cascade);
    }
}
