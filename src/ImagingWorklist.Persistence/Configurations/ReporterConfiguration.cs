using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ReporterConfiguration : IEntityTypeConfiguration<Reporter>
{
    public void Configure(EntityTypeBuilder<Reporter> builder)
    {
        builder.Property(r => r.DisplayName).HasMaxLength(Reporter.NameMaxLength);
        builder.Property(r => r.RegistrationNumber).HasMaxLength(Reporter.RegistrationMaxLength);
        builder.HasIndex(r => r.RegistrationNumber).IsUnique();
        builder.HasOne<Trust>().WithMany().HasForeignKey(r => r.HomeTrustId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(r => r.Skills, skills => skills.ToJson());
        builder.Navigation(r => r.Skills).HasField("_skills");
        builder.PrimitiveCollection(r => r.ScopeOfPractice).HasField("_scopeOfPractice");
        builder.Ignore(r => r.NeedsVerification);
    }
}
