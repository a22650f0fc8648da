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
