using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Reporting;

public static class ReportingServices
{
    /// <summary>The <c>CriticalFindings</c> section: how long each category may wait for acknowledgement.</summary>
    public const string FindingsSection = "CriticalFindings";

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration) => services
        .AddSettings<CriticalFindingPolicy>(configuration, FindingsSection, p =>
            Settings.Positive(p.CriticalWithin, "CriticalFindings:CriticalWithin")
                .Concat(Settings.Positive(p.UrgentWithin, "CriticalFindings:UrgentWithin"))
                .Concat(Settings.Positive(p.CancerWithin, "CriticalFindings:CancerWithin"))
                .Concat(Settings.Positive(p.UnexpectedWithin, "CriticalFindings:UnexpectedWithin"))
                .Concat(CategoryProblems(p.Categories)))
        .AddSingleton<ReportingService>()
        .AddSingleton<ReportingQuery>()
        .AddSingleton<ReportingTasks>()
        .AddSingleton<Consults>()
        .AddSingleton<Verifiers>()
        .AddSingleton<CriticalFindings>()
        .AddSingleton<ReportTemplates>();

    private static IEnumerable<string> CategoryProblems(string categories)
    {
        var parsed = CriticalFindingPolicy.Parse(categories);
        if (parsed.Count == 0)
        {
            yield return "CriticalFindings:Categories must name at least one category (Critical, Urgent, Cancer, Significant unexpected).";
        }

        foreach (var (written, category) in parsed.Where(p => p.Category is null))
        {
            yield return $"CriticalFindings:Categories: '{written}' is not a category; use Critical, Urgent, Cancer or Significant " +
                $"unexpected.";
        }
    }
}
