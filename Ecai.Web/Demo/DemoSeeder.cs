using Microsoft.Extensions.Options;

namespace Ecai.Web.Demo;

/// <summary>Demo mode: one bot with members, a demo operator, the ecforce sandbox connected.</summary>
public static class DemoSeeder
{
    public static Task SeedIfEnabledAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!options.Enabled) return Task.CompletedTask;
        return Task.CompletedTask;
    }

    public static void MapDemoSandboxes(this WebApplication app)
    {
    }
}
