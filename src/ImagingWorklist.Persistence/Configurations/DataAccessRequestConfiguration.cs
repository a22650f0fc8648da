using System.Text.Json;
using System.Text.Json.Serialization;
using ImagingWorklist.Domain.Research;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class DataAccessRequestConfiguration : IEntityTypeConfiguration<DataAccessRequest>
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<DataAccessRequest> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(DataAccessRequest.TitleMaxLength);
        builder.Property(r => r.Purpose).HasMaxLength(DataAccessRequest.PurposeMaxLength);
        builder.Property(r => r.ApprovalReference).HasMaxLength(DataAccessRequest.ReferenceMaxLength);
        builder.Property(r => r.RequestedBy).HasMaxLength(DataAccessRequest.PersonMaxLength);
        builder.Property(r => r.DecidedBy).HasMaxLength(DataAccessRequest.PersonMaxLength);
        builder.Property(r => r.DecisionReason).HasMaxLength(DataAccessRequest.ReasonMaxLength);
        builder.Property(r => r.Fields).HasConversion<int>();
        builder.Property(r => r.Version).IsConcurrencyToken();

        // The cohort is read and written whole, never queried by its parts: one JSON text column on both providers.
        builder.Property(r => r.Cohort).HasConversion(
                c => JsonSerializer.Serialize(c, Json),
                text => JsonSerializer.Deserialize<ResearchCohort>(text, Json)!,
                new ValueComparer<ResearchCohort>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    c => JsonSerializer.Serialize(c, Json).GetHashCode(StringComparison.Ordinal), c => c))
            .HasMaxLength(20_000);
        builder.HasIndex(r => new { r.State, r.CreatedAt });
        builder.HasIndex(r => r.RequestedBy);
        builder.HasOne<DataAccessRequest>().WithMany().HasForeignKey(r => r.LinkedToId).OnDelete(DeleteBehavior.Restrict);
    }
}
