using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

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
