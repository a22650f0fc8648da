using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImagingWorklist.Persistence.Configurations;

internal sealed class ExamConfiguration : IEntityTypeConfiguration<Exam>
{
    public void Configure(EntityTypeBuilder<Exam> builder)
    {
        builder.Property(e => e.Accession).HasConversion<AccessionNumberConverter>().HasMaxLength(AccessionNumber.MaxLength);
        builder.HasIndex(e => new { e.TrustId, e.Accession }).IsUnique();
        builder.Property(e => e.StudyInstanceUid).HasConversion<StudyInstanceUidConverter>().HasMaxLength(StudyInstanceUid.MaxLength);
        builder.Property(e => e.BodyPart).HasMaxLength(Exam.BodyPartMaxLength);
        builder.Property(e => e.ProcedureCode).HasMaxLength(Exam.ProcedureCodeMaxLength);
        builder.Property(e => e.ProcedureDescription).HasMaxLength(Exam.ProcedureDescriptionMaxLength);
        builder.Property(e => e.ClinicalDetails).HasMaxLength(Exam.ClinicalDetailsMaxLength);
        builder.Property(e => e.Referrer).HasMaxLength(Exam.PersonMaxLength);
        builder.Property(e => e.RegisteredGp).HasMaxLength(Exam.PersonMaxLength);
        builder.Property(e => e.HoldReason).HasMaxLength(Exam.ReasonMaxLength);
        builder.Property(e => e.AiFlag).HasMaxLength(Exam.AiFlagMaxLength);
        builder.Property(e => e.FastLaneReason).HasMaxLength(Exam.FastLaneReasonMaxLength);

        // The claim guard: every change bumps Version in the domain, and the database refuses a stale write.
        builder.Property(e => e.Version).IsConcurrencyToken();

        builder.ComplexProperty(e => e.Patient, patient =>
        {
            patient.Property(p => p.NhsNumber).HasConversion<NhsNumberConverter>().HasMaxLength(NhsNumber.Length)
                .HasColumnName("NhsNumber");
            patient.Property(p => p.UnverifiedNhsNumber).HasMaxLength(Patient.MrnMaxLength).HasColumnName("UnverifiedNhsNumber");
            patient.Property(p => p.LocalMrn).HasMaxLength(Patient.MrnMaxLength).HasColumnName("LocalMrn");
            patient.Property(p => p.FamilyName).HasMaxLength(Patient.NameMaxLength).HasColumnName("PatientFamilyName");
            patient.Property(p => p.GivenName).HasMaxLength(Patient.NameMaxLength).HasColumnName("PatientGivenName");
            patient.Property(p => p.DateOfBirth).HasColumnName("PatientDateOfBirth");
            patient.Property(p => p.Sex).HasColumnName("PatientSex");
        });

        builder.Ignore(e => e.CurrentClaim);
        builder.Ignore(e => e.TurnaroundClockStart);

        builder.HasOne<Trust>().WithMany().HasForeignKey(e => e.TrustId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);

        // The backlog is read by state and due time; claims and lease expiry by holder and lease.
        builder.HasIndex(e => new { e.State, e.DueAt });
        builder.HasIndex(e => new { e.ClaimedById, e.LeaseExpiresAt });
        // The fast-lane dashboard reads the few exams that were ever in a lane, by when they entered it.
        builder.HasIndex(e => e.FastLaneSince);
        // Turnaround and the monthly return read reported exams by ReportedAt and group them by these columns: on
        // PostgreSQL the index carries them (INCLUDE), so a month of a million-exam history is an index-only scan.
        // SQLite has no INCLUDE and ignores it.
        builder.HasIndex(e => e.ReportedAt)
            .IncludeProperties(e =>
            new { e.TrustId, e.Pathway, e.Modality, e.State, e.DueAt, e.TurnaroundMinutes, e.PerformedAt, e.ReadyAt });
    }
}
