using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Turnaround;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Persistence;

public sealed class WorklistDbContext(DbContextOptions<WorklistDbContext> options) : IdentityDbContext<WorklistUser>(options),
    IDataProtectionKeyContext
{
    public DbSet<ImagingNetwork> Networks => Set<ImagingNetwork>();

    public DbSet<Trust> Trusts => Set<Trust>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<Exam> Exams => Set<Exam>();

    public DbSet<Reporter> Reporters => Set<Reporter>();

    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<RotaShift> RotaShifts => Set<RotaShift>();

    public DbSet<Absence> Absences => Set<Absence>();

    /// <summary>Recurring weekly sessions, rolled out into shifts a week at a time.</summary>
    public DbSet<JobPlanEntry> JobPlanEntries => Set<JobPlanEntry>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<CriticalFinding> CriticalFindings => Set<CriticalFinding>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<ConsultRequest> ConsultRequests => Set<ConsultRequest>();

    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();

    /// <summary>Signed reports waiting for (or done with) delivery to their trust.</summary>
    public DbSet<OutboundReport> OutboundReports => Set<OutboundReport>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<TurnaroundRule> TurnaroundRules => Set<TurnaroundRule>();

    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();

    /// <summary>What the engine offered each reporter when they claimed (cherry-picking analytics).</summary>
    public DbSet<ClaimOffer> ClaimOffers => Set<ClaimOffer>();

    /// <summary>HL7 v2 and FHIR messages as received, stored before they are acknowledged.</summary>
    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();

    public DbSet<AiAlgorithm> AiAlgorithms => Set<AiAlgorithm>();

    public DbSet<AiResult> AiResults => Set<AiResult>();

    public DbSet<DataAccessRequest> DataAccessRequests => Set<DataAccessRequest>();

    public DbSet<ResearchExtract> ResearchExtracts => Set<ResearchExtract>();

    public DbSet<ResearchExtractFile> ResearchExtractFiles => Set<ResearchExtractFile>();

    /// <summary>The national data opt-out list as last imported: NHS numbers never extracted.</summary>
    public DbSet<OptedOutPatient> OptedOutPatients => Set<OptedOutPatient>();

    /// <summary>UPS-RS event subscriptions of workstations and other systems.</summary>
    public DbSet<UpsSubscription> UpsSubscriptions => Set<UpsSubscription>();

    /// <summary>Cookie and antiforgery keys, shared by every app instance so a user may land on any of them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (Database.IsSqlite())
        {
            // SQLite has no timestamp type and EF cannot ORDER BY or compare DateTimeOffset stored as text;
            // every time is UTC, so store UTC ticks: exact, sortable, comparable.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorklistDbContext).Assembly);

        // OAuth clients, authorizations, scopes and tokens for the OpenIddict server.
        builder.UseOpenIddict();
    }
}
