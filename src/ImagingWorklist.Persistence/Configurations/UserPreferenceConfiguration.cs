using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class UserPreferenceConfiguration : IEntityTypeConfiguration<UserPreference>
{
    public void Configure(EntityTypeBuilder<UserPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Key });
        builder.Property(p => p.Key).HasMaxLength(UserPreference.KeyMaxLength);
        builder.Property(p => p.Value).HasMaxLength(UserPreference.ValueMaxLength);
        builder.HasOne<WorklistUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
