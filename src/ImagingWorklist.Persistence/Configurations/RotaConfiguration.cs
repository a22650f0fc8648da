using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class RotaShiftConfiguration : IEntityTypeConfiguration<RotaShift>
{
    public void Configure(EntityTypeBuilder<RotaShift> builder)
    {
        builder.HasOne<Reporter>().WithMany().HasForeignKey(s => s.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.PrimitiveCollection(s => s.CoveredIds).HasField("_coveredIds");
        builder.HasIndex(s => new { s.Start, s.End });
        builder.Ignore(s => s.IsOutOfHours);
    }
}
