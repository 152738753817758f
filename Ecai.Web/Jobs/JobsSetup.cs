using Coravel;

namespace Ecai.Web.Jobs;

/// <summary>Every schedule in one list; each prevents overlapping runs.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddEcaiJobs(this IServiceCollection services)
    {
        services.AddScheduler();
        services.AddQueue();
        services.AddSingleton<PullTrigger>();
        services.AddTransient<PullCartsJob>();
        return services;
    }

    public static WebApplication UseEcaiJobs(this WebApplication app)
    {
        app.Services.UseScheduler(s =>
        {
            // Seed: hourly pulls. The pull is incremental, so a short run each hour is cheap.
            s.Schedule<PullCartsJob>().Hourly().PreventOverlapping(nameof(PullCartsJob));
        });
        return app;
    }
}
