using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class AiResultConfiguration : IEntityTypeConfiguration<AiResult>
{
    public void Configure(EntityTypeBuilder<AiResult> builder)
    {
        builder.Property(r => r.AlgorithmLabel).HasMaxLength(AiResult.LabelMaxLength);
        builder.Property(r => r.Code).HasMaxLength(AiFindingCode.CodeMaxLength);
        builder.Property(r => r.Display).HasMaxLength(AiFindingCode.DisplayMaxLength);
        builder.Property(r => r.Source).HasMaxLength(AiResult.SourceMaxLength);
        builder.Property(r => r.JudgedBy).HasMaxLength(AiResult.PersonMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // One result per exam, algorithm and finding: a later one replaces it.
        builder.HasIndex(r => new { r.ExamId, r.AlgorithmId, r.Code }).IsUnique();
        builder.HasIndex(r => new { r.AlgorithmId, r.ReceivedAt });
        builder.HasOne<Exam>().WithMany().HasForeignKey(r => r.ExamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AiAlgorithm>().WithMany().HasForeignKey(r => r.AlgorithmId).OnDelete(DeleteBehavior.Restrict);
    }
}
