using ImagingWorklist.Domain.Research;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ResearchExtractFileConfiguration : IEntityTypeConfiguration<ResearchExtractFile>
{
    public void Configure(EntityTypeBuilder<ResearchExtractFile> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.ResourceType).HasMaxLength(40);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasOne<ResearchExtract>().WithMany().HasForeignKey(f => f.ExtractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ExtractId, f.Name }).IsUnique();
    }
}
