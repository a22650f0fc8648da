using ImagingWorklist.Domain.Research;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class OptedOutPatientConfiguration : IEntityTypeConfiguration<OptedOutPatient>
{
    public void Configure(EntityTypeBuilder<OptedOutPatient> builder)
    {
        builder.HasKey(p => p.NhsNumber);
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
    }
}
