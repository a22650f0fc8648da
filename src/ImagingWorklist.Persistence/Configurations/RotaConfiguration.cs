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

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> builder)
    {
        builder.HasOne<Reporter>().WithMany().HasForeignKey(a => a.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ReporterId, a.Start });
    }
}

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
