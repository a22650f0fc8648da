using System.Text.Json;
using ImagingWorklist.Domain.Ai;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class AiAlgorithmConfiguration : IEntityTypeConfiguration<AiAlgorithm>
{
    public void Configure(EntityTypeBuilder<AiAlgorithm> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(AiAlgorithm.NameMaxLength);
        builder.Property(a => a.Vendor).HasMaxLength(AiAlgorithm.VendorMaxLength);
        builder.Property(a => a.AlgorithmVersion).HasMaxLength(AiAlgorithm.VersionMaxLength);
        builder.Property(a => a.Application).HasMaxLength(AiAlgorithm.ApplicationMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // Read and written whole, never queried by their parts: JSON text on both providers.
        builder.Property(a => a.Findings).HasConversion(
                f => JsonSerializer.Serialize(f, JsonSerializerOptions.Default),
                text => JsonSerializer.Deserialize<List<AiFindingCode>>(text, JsonSerializerOptions.Default)!,
                Comparer<AiFindingCode>())
            .HasMaxLength(20_000);
        builder.Property(a => a.LiveTrustIds).HasConversion(
                t => JsonSerializer.Serialize(t, JsonSerializerOptions.Default),
                text => JsonSerializer.Deserialize<List<Guid>>(text, JsonSerializerOptions.Default)!,
                Comparer<Guid>())
            .HasMaxLength(4_000);

        // One algorithm per application name: a result must never be credited to two.
        builder.HasIndex(a => a.Application).IsUnique();
    }

    private static ValueComparer<List<T>> Comparer<T>() =>
        new((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)), list => list.ToList());
}
