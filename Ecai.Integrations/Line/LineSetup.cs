using System.Net;
using Ecai.Domain.Line;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Ecai.Integrations.Line;

public static class LineSetup
{
    /// <summary>The named HttpClient pipeline every LINE call shares.</summary>
    public const string HttpClientName = "line";

    /// <summary>
    /// The named pipeline for push, multicast and rich-menu calls: pooled connections, no per-request logging,
    /// retries that keep the retry key and skip the monthly-limit 429, a per-attempt time-out; no circuit breaker
    /// or rate/concurrency limiter, so many concurrent callers reach LINE's 2,000 pushes/s.
    /// </summary>
    public const string SendClientName = "line-send";

    /// <summary>
    /// Registers the LINE client as <see cref="ILineLogin"/>, <see cref="ILineMessaging"/> and <see cref="ILineMessenger"/>: <see cref="LineOptions"/>
    /// (section <c>Ecai:Line</c>, validated on start), the <see cref="LineEndpoint"/> singleton and the named
    /// pipeline with the standard resilience handler. Both calls are idempotent, so the POST to
    /// <c>/oauth2/v2.1/verify</c> is retried like the GET. Sending has its own pipeline, <see cref="SendClientName"/>.
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

        services.AddHttpClient(SendClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                MaxConnectionsPerServer = sp.GetRequiredService<IOptions<LineOptions>>().Value.MaxConnectionsPerServer,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
            })
            .RemoveAllLoggers() // no line per push; the caller records outcomes
            .AddResilienceHandler(SendClientName, (pipeline, context) =>
                ConfigureSending(pipeline, context.ServiceProvider.GetRequiredService<IOptions<LineOptions>>().Value));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            LineEndpoint.TryParse(sp.GetRequiredService<IOptions<LineOptions>>().Value.ApiBaseUrl, out var baseUrl);
            return new LineEndpoint(baseUrl);
        });
        services.AddSingleton<LinePacer>();
        services.AddSingleton<LineApiClient>();
        services.AddSingleton<ILineLogin>(sp => sp.GetRequiredService<LineApiClient>());
        services.AddSingleton<ILineMessaging>(sp => sp.GetRequiredService<LineApiClient>());
        services.AddSingleton<ILineMessenger>(sp => sp.GetRequiredService<LineApiClient>());
        return services;
    }

    /// <summary>Whole call (attempts and waits) ≤ TotalRequestTimeout; retries per <see cref="LineApiClient.ShouldRetrySendAsync"/>; each attempt ≤ AttemptTimeout.</summary>
    private static void ConfigureSending(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, LineOptions options) =>
        pipeline
            .AddTimeout(options.TotalRequestTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.SendMaxRetries,
                Delay = options.SendRetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false, // LINE's 429 has none [C: docs/line.md § Rate limits]
                ShouldHandle = LineApiClient.ShouldRetrySendAsync,
            })
            .AddTimeout(options.AttemptTimeout);

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
