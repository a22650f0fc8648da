using ImagingWorklist.Application.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Ingest;

public static class IngestServices
{
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration) => services
        .AddSettings<Hl7Settings>(configuration, Hl7Settings.Section, s => s.Problems())
        .AddSingleton<IngestReferenceData>()
        .AddSingleton<Hl7Ingest>()
        .AddSingleton<InboundMessagesQuery>();
}
