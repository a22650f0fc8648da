using ImagingWorklist.Domain.Research;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ResearchExtractConfiguration : IEntityTypeConfiguration<ResearchExtract>
{
    public void Configure(EntityTypeBuilder<ResearchExtract> builder)
    {
        builder.Property(e => e.MadeBy).HasMaxLength(DataAccessRequest.PersonMaxLength);
        builder.Property(e => e.Error).HasMaxLength(ResearchExtract.ErrorMaxLength);
        builder.HasOne<DataAccessRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.RequestId, e.StartedAt });
    }
}
