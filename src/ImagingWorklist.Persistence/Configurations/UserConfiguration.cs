using ImagingWorklist.Domain.Reporters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<WorklistUser>
{
    public void Configure(EntityTypeBuilder<WorklistUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(WorklistUser.DisplayNameMaxLength);
        builder.Property(u => u.TrustScope).HasMaxLength(WorklistUser.TrustScopeMaxLength);
        builder.HasOne<Reporter>().WithMany().HasForeignKey(u => u.ReporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.ReporterId).IsUnique();
    }
}
