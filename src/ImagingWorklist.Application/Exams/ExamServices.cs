using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Exams;

public static class ExamServices
{
    public static IServiceCollection AddExams(this IServiceCollection services) => services
        .AddSingleton<ExamDetailsQuery>();
}
