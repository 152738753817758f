using Coravel;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ecai.Web.Jobs;

/// <summary>Every schedule in one list; each prevents overlapping runs.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddEcaiJobs(this IServiceCollection services)
    {
        services.AddScheduler();
        services.AddQueue();
        services.AddOptions<Ecai.Domain.Jobs.JobFileOptions>()
            .Configure<IConfiguration>((o, config) => o.Folder = config["Ecai:JobFiles"] is { Length: > 0 } folder ? folder : o.Folder);
        services.AddScoped<ProductCsvExports>();
        services.AddTransient<ExportProductCsvJob>();
        services.AddTransient<DeleteExpiredJobFilesJob>();
        services.AddSingleton<PullTrigger>();
        services.AddTransient<PullCartsJob>();
        services.AddTransient<BulkTagJob>();
        services.AddTransient<TagSweepJob>();
        services.AddTransient<DispatchDeliveriesJob>();
        services.AddHostedService<DispatchWakeLoop>();
        return services;
    }

    /// <summary>Starts the schedules unless <c>Ecai:Jobs:Scheduled</c> is false (tests that pull by hand).</summary>
    public static WebApplication UseEcaiJobs(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Ecai:Jobs:Scheduled", true)) return app;
        app.Services.UseScheduler(s =>
        {
            // Each connection has its own カート連携頻度 (default hourly, as the seed); every minute the
            // job pulls the connections whose next pull is due. Pulls are incremental, so a run is short.
            s.Schedule<PullCartsJob>().EveryMinute().PreventOverlapping(nameof(PullCartsJob));
            // Tag rules run on the events that change them; this quarter-hourly sweep is the safety net.
            s.Schedule<TagSweepJob>().Cron("0,15,30,45 * * * *").PreventOverlapping(nameof(TagSweepJob));
            // Plans what became due (steps, follow messages, broadcasts) and sends it; wakes send sooner (DispatchWakeLoop).
            s.Schedule<DispatchDeliveriesJob>().EveryMinute().PreventOverlapping(nameof(DispatchDeliveriesJob));
            s.Schedule<DeleteExpiredJobFilesJob>().Hourly().PreventOverlapping(nameof(DeleteExpiredJobFilesJob));
        });
        return app;
    }
}
