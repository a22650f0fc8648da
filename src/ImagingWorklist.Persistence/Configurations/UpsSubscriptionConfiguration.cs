using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class UpsSubscriptionConfiguration : IEntityTypeConfiguration<UpsSubscription>
{
    public void Configure(EntityTypeBuilder<UpsSubscription> builder)
    {
        builder.Property(s => s.AeTitle).HasMaxLength(UpsSubscription.AeTitleMaxLength);
        builder.Property(s => s.Owner).HasMaxLength(UpsSubscription.OwnerMaxLength);
        builder.HasIndex(s => new { s.Owner, s.AeTitle, s.ExamId });
    }
}
