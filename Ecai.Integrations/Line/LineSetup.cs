using Ecai.Domain.Line;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Ecai.Integrations.Line;

public static class LineSetup
{
    /// <summary>The named HttpClient pipeline every LINE call shares.</summary>
    public const string HttpClientName = "line";

    /// <summary>
    /// Registers the LINE client as <see cref="ILineLogin"/> and <see cref="ILineMessaging"/>: <see cref="LineOptions"/>
    /// (section <c>Ecai:Line</c>, validated on start), the <see cref="LineEndpoint"/> singleton and the named
    /// pipeline with the standard resilience handler. Both calls are idempotent, so the POST to
    /// <c>/oauth2/v2.1/verify</c> is retried like the GET.
    /// </summary>
    public static IServiceCollection AddLineApi(this IServiceCollection services)
    {
        services.AddOptions<LineOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(LineOptions.Section).Bind(options))
            .Validate(o => o.IsValid(), $"{LineOptions.Section} options are out of range.")
            .ValidateOnStart();

        services.AddHttpClient(HttpClientName)
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => Configure(resilience, sp.GetRequiredService<IOptions<LineOptions>>().Value));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            LineEndpoint.TryParse(sp.GetRequiredService<IOptions<LineOptions>>().Value.ApiBaseUrl, out var baseUrl);
            return new LineEndpoint(baseUrl);
        });
        services.AddSingleton<LineApiClient>();
        services.AddSingleton<ILineLogin>(sp => sp.GetRequiredService<LineApiClient>());
        services.AddSingleton<ILineMessaging>(sp => sp.GetRequiredService<LineApiClient>());
        return services;
    }

    private static void Configure(HttpStandardResilienceOptions resilience, LineOptions options)
    {
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalRequestTimeout;
        // The breaker's window must be at least twice the attempt time-out (validated by the library).
        var window = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = window > TimeSpan.FromSeconds(30) ? window : TimeSpan.FromSeconds(30);
    }
}
