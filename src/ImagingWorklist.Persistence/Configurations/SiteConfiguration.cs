using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.OdsCode).HasConversion<OdsCodeConverter>().HasMaxLength(OdsCode.MaxLength);
        builder.HasIndex(s => s.OdsCode).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(Site.NameMaxLength);
        builder.Property(s => s.ViewerUrlTemplate).HasMaxLength(Site.ViewerUrlTemplateMaxLength);
        builder.HasOne<Trust>().WithMany().HasForeignKey(s => s.TrustId).OnDelete(DeleteBehavior.Restrict);
    }
}
