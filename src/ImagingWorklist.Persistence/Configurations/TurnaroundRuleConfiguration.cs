using ImagingWorklist.Domain.Turnaround;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class TurnaroundRuleConfiguration : IEntityTypeConfiguration<TurnaroundRule>
{
    public void Configure(EntityTypeBuilder<TurnaroundRule> builder)
    {
        builder.Property(r => r.Source).HasMaxLength(TurnaroundRule.SourceMaxLength);
        builder.Ignore(r => r.Target);
        builder.Ignore(r => r.Specificity);
    }
}
