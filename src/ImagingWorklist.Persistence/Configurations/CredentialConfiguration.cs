using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> builder)
    {
        builder.HasOne<Reporter>().WithMany().HasForeignKey(c => c.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Trust>().WithMany().HasForeignKey(c => c.TrustId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ReporterId, c.TrustId });
    }
}
