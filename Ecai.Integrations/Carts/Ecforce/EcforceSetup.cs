using Ecai.Domain.Carts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Ecai.Integrations.Carts.Ecforce;

public static class EcforceSetup
{
    /// <summary>The named HttpClient pipeline every ecforce connection shares.</summary>
    public const string HttpClientName = "ecforce";

    /// <summary>
    /// Registers the ecforce connector: <see cref="EcforceOptions"/> (section <c>Carts:Ecforce</c>),
    /// the named HTTP pipeline with the standard resilience handler, and the client factory.
    /// </summary>
    public static IServiceCollection AddEcforceCart(this IServiceCollection services)
    {
        services.AddOptions<EcforceOptions>()
            // Bound only when the host has configuration, so a bare test container works too.
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(EcforceOptions.Section).Bind(options))
            .Validate(o => o.IsValid(), "Carts:Ecforce options are out of range.")
            .ValidateOnStart();

        services.AddHttpClient(HttpClientName)
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => ConfigureResilience(resilience, sp.GetRequiredService<IOptions<EcforceOptions>>().Value))
            // One circuit breaker per shop host, so one failing shop does not stop the others.
            .SelectPipelineByAuthority();

        services.AddSingleton<ICartClientFactory, EcforceCartClientFactory>();
        return services;
    }

    /// <summary>
    /// Retries 408, 429 and 5xx and network errors for GET only (sign-in is a POST and counts against
    /// 5 per hour [C3]); a Retry-After header sets the wait. ecforce publishes no rate limit [C];
    /// practitioners back off for seconds after 429/500 [C3].
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, EcforceOptions options)
    {
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.DisableForUnsafeHttpMethods();
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalRequestTimeout;
        // The breaker's window must be at least twice the attempt time-out (validated by the library).
        var window = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = window > TimeSpan.FromSeconds(30) ? window : TimeSpan.FromSeconds(30);
    }
}
