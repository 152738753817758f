using System.Globalization;
using Coravel;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Operators;
using Ecai.Domain.Realtime;
using Ecai.Web.Components;
using Ecai.Web.Demo;
using Ecai.Web.Endpoints;
using Ecai.Web.Jobs;
using Ecai.Web.Realtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Ecai.Web;

/// <summary>Wiring of the web host: one method for services, one for the pipeline.</summary>
public static class WebSetup
{
    /// <summary>The one place the database settings are read: <c>Ecai:Database:Provider</c> (Sqlite or Postgres) and <c>ConnectionStrings:Ecai</c>.</summary>
    public static DatabaseSettings DatabaseSettingsOf(IConfiguration config) =>
        DatabaseSettings.From(config["Ecai:Database:Provider"], config.GetConnectionString("Ecai"));

    public static IServiceCollection AddEcaiWeb(this IServiceCollection services, IConfiguration config)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();
        // Japanese text goes out as characters, not &#x…; entities (Razor components take the encoder from DI).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSignalR();
        services.AddHealthChecks();

        var keys = config["Ecai:DataProtectionKeys"] ?? "App_Data/keys";
        services.AddDataProtection().SetApplicationName("Ecai").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.Cookie.Name = "ecai.auth";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddIdentityCore<Operator>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<EcaiDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // Identity's stores want a scoped EcaiDb; everything else uses the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EcaiDb>>().CreateDbContext());

        services.AddSingleton<LiveBroadcaster>();
        services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<LiveBroadcaster>());

        services.Configure<Ecai.Domain.Carts.ImportOptions>(config.GetSection("Ecai:Import"));
        services.Configure<DemoOptions>(config.GetSection("Ecai:Demo"));
        services.AddSingleton<DemoCarts>();
        services.AddSingleton<DemoLine>();
        if (config.GetValue<bool>("Ecai:Demo:Enabled"))
        {
            // Demo mode's app clock: the evaluator may move it forward (DemoClockControl); timers stay the system's.
            services.AddSingleton(sp => new DemoClock(TimeProvider.System,
                DemoClock.StateFileFor(sp.GetRequiredService<DatabaseSettings>(), config["Ecai:DataProtectionKeys"] ?? "App_Data/keys")));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>()));
            // Sign-in lifetimes stay on real time: moving the demo clock days ahead must not sign the evaluator out.
            services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
            services.PostConfigure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);
        }
        services.AddEcaiJobs();
        services.AddEcaiUi();
        return services;
    }

    /// <summary>Creates and migrates the database, closes runs a crash left open, seeds demo data.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var dbs = app.Services.GetRequiredService<IDbContextFactory<EcaiDb>>();
        await Database.MigrateAsync(dbs, CancellationToken.None);
        await app.Services.GetRequiredService<JobRuns>().AbandonRunningAsync(CancellationToken.None);
        await DemoSeeder.SeedIfEnabledAsync(app);
    }

    public static WebApplication UseEcaiPipeline(this WebApplication app)
    {
        var japanese = new CultureInfo("ja-JP");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(japanese),
            SupportedCultures = [japanese],
            SupportedUICultures = [japanese],
        });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        // A browser asking for a page that does not exist gets ECAI's Japanese 404 page (APIs keep their bare status).
        app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) && c.Request.Headers.Accept.ToString().Contains("text/html"),
            b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRouting(); // after the status pages, so the re-executed /not-found is routed
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCartAuthEndpoints();
        app.MapShopifyWebhooks();
        app.MapLineWebhooks();
        app.MapJobFileEndpoints();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapDemoSandboxes();
        app.MapStaticAssets().AllowAnonymous(); // the login page needs its CSS before sign-in
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            // The circuit's hub must admit LIFF pages' anonymous visitors; every admin page carries [Authorize]
            // (Pages/_Imports.razor), which the router checks on the circuit as the endpoints do on first load.
            .Add(endpoint =>
            {
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.StartsWith("/_blazor", StringComparison.Ordinal))
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            });
        return app;
    }
}
