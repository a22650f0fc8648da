using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class JobPlanEntryConfiguration : IEntityTypeConfiguration<JobPlanEntry>
{
    public void Configure(EntityTypeBuilder<JobPlanEntry> builder)
    {
        builder.HasOne<Reporter>().WithMany().HasForeignKey(e => e.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.PrimitiveCollection(e => e.CoveredIds).HasField("_coveredIds");
        builder.PrimitiveCollection(e => e.Exceptions).HasField("_exceptions");
        builder.HasIndex(e => e.ReporterId);
    }
}
