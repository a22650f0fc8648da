using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> builder)
    {
        builder.HasOne<Reporter>().WithMany().HasForeignKey(a => a.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ReporterId, a.Start });
    }
}
