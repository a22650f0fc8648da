using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> builder)
    {
        builder.Property(m => m.Channel).HasMaxLength(InboundMessage.ChannelMaxLength);
        builder.Property(m => m.Source).HasMaxLength(InboundMessage.SourceMaxLength);
        builder.Property(m => m.SendingFacility).HasMaxLength(InboundMessage.FacilityMaxLength);
        builder.Property(m => m.ControlId).HasMaxLength(InboundMessage.ControlIdMaxLength);
        builder.Property(m => m.MessageType).HasMaxLength(InboundMessage.TypeMaxLength);
        builder.Property(m => m.Key).HasMaxLength(InboundMessage.KeyMaxLength);
        builder.Property(m => m.AckCode).HasMaxLength(2);
        builder.Property(m => m.Error).HasMaxLength(InboundMessage.ErrorMaxLength);

        // Idempotency: one message per sending facility and control id (rows without a readable header do not clash).
        builder.HasIndex(m => new { m.SendingFacility, m.ControlId }).IsUnique();
        builder.HasIndex(m => new { m.TrustId, m.Key, m.Status });
        builder.HasIndex(m => new { m.Status, m.ReceivedAt });
    }
}
