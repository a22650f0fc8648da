using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(Procedure.CodeMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Exam.ProcedureDescriptionMaxLength);
        builder.Property(p => p.BodyPart).HasMaxLength(Exam.BodyPartMaxLength);
    }
}
