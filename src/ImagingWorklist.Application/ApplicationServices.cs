using ImagingWorklist.Application.Admin;
using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Database;
using ImagingWorklist.Application.Demo;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Application.Workitems;
using ImagingWorklist.Application.Worklist;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImagingWorklist.Application;

public static class ApplicationServices
{
    /// <summary>Registers the use cases. They hold no state between calls: each opens its own short-lived DbContext.</summary>
    public static IServiceCollection AddWorklistApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OpenExamsQuery>();
        services.AddSingleton<Audit.AuditQuery>();
        services.TryAddSingleton(new Ingest.Hl7Settings());
        services.AddSingleton<Ingest.IngestReferenceData>();
        services.AddSingleton<Ingest.Hl7Ingest>();
        services.AddSingleton<Workitems.UpsSubscriptions>();
        services.AddSingleton<Workitems.TaskSearch>();
        services.AddSingleton<Ingest.InboundMessagesQuery>();
        services.AddSingleton<Admin.ProcedureCatalogue>();
        services.AddSingleton<Admin.CredentialAdministration>();
        services.AddScoped<Admin.UserAdministration>();
        services.AddSingleton<BacklogQuery>();
        services.AddSingleton<BacklogBreakdownQuery>();
        services.AddSingleton<TurnaroundQuery>();
        services.AddSingleton<RotaWeekQuery>();
        services.AddSingleton<RotaService>();
        services.AddSingleton<CoverQuery>();
        services.AddSingleton<Simulation.WhatIfService>();
        services.AddSingleton<Simulation.ForecastService>();
        services.AddSingleton<Dashboards.ReporterActivityQuery>();
        services.AddSingleton<Dashboards.MonthlyReturnQuery>();
        services.AddSingleton<NetworkDirectoryQuery>();
        services.AddSingleton<DemoNetworkSeeder>();
        services.AddSingleton<DatabaseInitialiser>();
        services.AddSingleton<WorklistEngineHost>();
        services.AddSingleton<WorklistChangeDispatcher>();
        services.TryAddSingleton<IWorklistNotifier, InProcessNotifier>();
        services.TryAddSingleton(new ClaimSettings());
        services.AddSingleton<ClaimService>();
        services.AddSingleton<ExamDetailsQuery>();
        services.AddSingleton<WorklistFilterStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<TrustsQuery>();
        services.AddSingleton<WorkitemService>();
        services.TryAddSingleton(new Domain.Reporting.CriticalFindingPolicy());
        services.TryAddSingleton(new Delivery.DeliverySettings());
        services.AddSingleton<Reporting.ReportingService>();
        services.AddSingleton<Reporting.ReportingQuery>();
        services.AddSingleton<Reporting.ReportingTasks>();
        services.AddSingleton<Reporting.Consults>();
        services.AddSingleton<Reporting.CriticalFindings>();
        services.AddSingleton<Reporting.ReportTemplates>();
        services.AddSingleton<Delivery.DeliveryOutbox>();
        services.AddSingleton<Delivery.IssuedReports>();
        return services;
    }
}
