using System.Globalization;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

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
        services.AddCartHttpClient<ShopifyOptions>(HttpClientName, ShopifyOptions.Section, o => o.IsValid(), OwnRetryRules)
            // One circuit breaker per shop host, so one failing shop does not stop the others.
            .SelectPipelineByAuthority();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShopifyBuckets>();
        // Added after the resilience handler, so it sits inside it and paces every attempt.
        services.AddHttpClient(HttpClientName)
            .AddHttpMessageHandler(sp => new ShopifyThrottleHandler(sp.GetRequiredService<ShopifyBuckets>(), sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<ICartClientFactory, ShopifyCartClientFactory>();
        return services;
    }

    /// <summary>
    /// GET only. Shopify's 429 carries <c>Retry-After: 2.0</c> [C3] — seconds with a fraction, which the
    /// standard parser refuses — so the wait is read here; without the header the exponential back-off applies.
    /// </summary>
    private static void OwnRetryRules(HttpStandardResilienceOptions resilience, ShopifyOptions options)
    {
        resilience.Retry.DisableForUnsafeHttpMethods();
        resilience.Retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result));
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
