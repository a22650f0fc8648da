using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ImagingNetworkConfiguration : IEntityTypeConfiguration<ImagingNetwork>
{
    public void Configure(EntityTypeBuilder<ImagingNetwork> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(ImagingNetwork.NameMaxLength);
    }
}

internal sealed class TrustConfiguration : IEntityTypeConfiguration<Trust>
{
    public void Configure(EntityTypeBuilder<Trust> builder)
    {
        builder.Property(t => t.OdsCode).HasConversion<OdsCodeConverter>().HasMaxLength(OdsCode.MaxLength);
        builder.HasIndex(t => t.OdsCode).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(Trust.NameMaxLength);
        builder.HasOne<ImagingNetwork>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Restrict);
    }
}

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
