using System.Globalization;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Ecai.Integrations.Carts.Shopify;

public static class ShopifySetup
{
    /// <summary>The named HttpClient pipeline every Shopify connection shares.</summary>
    public const string HttpClientName = "shopify";

    /// <summary>
    /// Registers the Shopify connector: <see cref="ShopifyOptions"/> (section <c>Carts:Shopify</c>), the
    /// named HTTP pipeline (standard resilience handler, then the per-shop leaky bucket) and the factory.
    /// </summary>
    public static IServiceCollection AddShopifyCart(this IServiceCollection services)
    {
        services.AddOptions<ShopifyOptions>()
            // Bound only when the host has configuration, so a bare test container works too.
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(ShopifyOptions.Section).Bind(options))
            .Validate(o => o.IsValid(), "Carts:Shopify options are out of range.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShopifyBuckets>();
        services.AddHttpClient(HttpClientName)
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => ConfigureResilience(resilience, sp.GetRequiredService<IOptions<ShopifyOptions>>().Value))
            // One circuit breaker per shop host, so one failing shop does not stop the others.
            .SelectPipelineByAuthority();
        // Added after the resilience handler, so it sits inside it and paces every attempt.
        services.AddHttpClient(HttpClientName)
            .AddHttpMessageHandler(sp => new ShopifyThrottleHandler(sp.GetRequiredService<ShopifyBuckets>(), sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<ICartClientFactory, ShopifyCartClientFactory>();
        return services;
    }

    /// <summary>
    /// Retries 408, 429 and 5xx and network errors for GET only. Shopify's 429 carries
    /// <c>Retry-After: 2.0</c> [C3] — seconds with a fraction, which the standard parser refuses — so
    /// the wait is read here; without the header the exponential back-off applies.
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, ShopifyOptions options)
    {
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.DisableForUnsafeHttpMethods();
        resilience.Retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result));
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalRequestTimeout;
        // The breaker's window must be at least twice the attempt time-out (validated by the library).
        var window = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = window > TimeSpan.FromSeconds(30) ? window : TimeSpan.FromSeconds(30);
    }

    /// <summary>The Retry-After of a response: seconds ("2", "2.0") or an HTTP date; null when absent.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response is null || !response.Headers.NonValidated.TryGetValues("Retry-After", out var values)) return null;
        var text = values.FirstOrDefault()?.Trim();
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, 300));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
