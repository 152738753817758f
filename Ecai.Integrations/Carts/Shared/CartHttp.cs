using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Ecai.Integrations.Carts.Shared;

/// <summary>
/// Tuning shared by the page-numbered carts (リピスト, サブスクストア); each cart binds its own section.
/// Defaults suit a real shop; tests shorten the delays so retries take milliseconds.
/// </summary>
public abstract class CartHttpOptions : ICartRetryOptions
{
    /// <summary>Rows per page (each cart documents its own default and cap).</summary>
    public int PageSize { get; set; }

    /// <summary>Pages fetched ahead of the consumer (still yielded strictly in order).</summary>
    public int MaxPagesInFlight { get; set; } = 4;

    /// <summary>Hard cap per pull; the cursor lets the next pull continue where this one stopped.</summary>
    public int MaxPages { get; set; } = 100_000;

    /// <summary>Retries after the first attempt for 408/429/5xx and network errors (GET only).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off step (exponential with jitter); a <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time-out of one call including all its retries and waits.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Client-side cap on requests per second per connection; null = none. Neither cart publishes a
    /// limit, so the default is none and a 429 with Retry-After is what slows a pull down.
    /// </summary>
    public double? RequestsPerSecond { get; set; }

    protected abstract int MaxPageSize { get; }

    internal bool IsValid() =>
        PageSize >= 1 && PageSize <= MaxPageSize && MaxPagesInFlight is >= 1 and <= 16 && MaxPages >= 1 && MaxRetries is >= 1 and <= 10
        && RetryBaseDelay >= TimeSpan.Zero && AttemptTimeout > TimeSpan.Zero && TotalRequestTimeout > AttemptTimeout
        && RequestsPerSecond is null or > 0;
}

/// <summary>The retry and time-out settings every cart's options carry.</summary>
internal interface ICartRetryOptions
{
    int MaxRetries { get; set; }
    TimeSpan RetryBaseDelay { get; set; }
    TimeSpan AttemptTimeout { get; set; }
    TimeSpan TotalRequestTimeout { get; set; }
}

internal static class CartHttp
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> (only when the host has
    /// configuration, so a bare test container works too), validated on start, and registers the named
    /// HttpClient with the standard resilience handler: retries of 408, 429, 5xx and network errors
    /// with a <c>Retry-After</c> header setting the wait, the options' time-outs, then the cart's own rules.
    /// </summary>
    public static IHttpStandardResiliencePipelineBuilder AddCartHttpClient<TOptions>(this IServiceCollection services,
        string name, string section, Func<TOptions, bool> isValid, Action<HttpStandardResilienceOptions, TOptions> ownRules)
        where TOptions : class, ICartRetryOptions
    {
        services.AddOptions<TOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(section).Bind(options))
            .Validate(isValid, $"{section} options are out of range.")
            .ValidateOnStart();

        return services.AddHttpClient(name)
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                ConfigureResilience(resilience, options);
                ownRules(resilience, options);
            });
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, ICartRetryOptions options)
    {
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalRequestTimeout;
        // The breaker's window must be at least twice the attempt time-out (validated by the library).
        var window = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = window > TimeSpan.FromSeconds(30) ? window : TimeSpan.FromSeconds(30);
    }

    /// <summary>The handlers belong to IHttpClientFactory's pool: never dispose them with the client.</summary>
    public static HttpClient NewHttpClient(HttpMessageHandler handler, Uri baseUri) =>
        new(handler, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Wraps <paramref name="inner"/> in a per-connection rate limiter when a rate is set.</summary>
    public static HttpMessageHandler Limited(HttpMessageHandler inner, double? requestsPerSecond) =>
        requestsPerSecond is { } rps ? new RateLimitHandler(rps) { InnerHandler = inner } : inner;

    /// <summary>Deserializes a response straight from the socket; a non-2xx left by the retries is an error.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string cart, CancellationToken ct)
        where T : class
    {
        using (response)
        {
            var path = response.RequestMessage?.RequestUri?.AbsolutePath;
            if (!response.IsSuccessStatusCode) throw Unexpected(cart, $"GET {path}", response.StatusCode);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                return await JsonSerializer.DeserializeAsync(body, type, ct)
                    ?? throw new HttpRequestException($"{cart} {path}: empty body.", null, response.StatusCode);
            }
            catch (JsonException ex)
            {
                // 200 but not JSON: e.g. an HTML page from a proxy in front of the shop.
                throw new HttpRequestException($"{cart} {path}: the response was not readable JSON.", ex, response.StatusCode);
            }
        }
    }

    /// <summary>Any other non-success answer, without response bodies or secrets in the message.</summary>
    public static HttpRequestException Unexpected(string cart, string what, HttpStatusCode status) =>
        new($"{cart} {what} failed with HTTP {(int)status} ({status}).", null, status);

    /// <summary>A host name that does not resolve is a settings mistake, not a transient failure.</summary>
    public static bool IsUnknownHost(HttpRequestException ex) => ex.HttpRequestError == HttpRequestError.NameResolutionError;

    /// <summary>Spaces requests out to at most the given rate (a token bucket refilled every 100 ms).</summary>
    private sealed class RateLimitHandler : DelegatingHandler
    {
        private readonly TokenBucketRateLimiter _limiter;

        public RateLimitHandler(double requestsPerSecond)
        {
            var perTick = Math.Max(1, (int)Math.Round(requestsPerSecond / 10));
            _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perTick,
                TokensPerPeriod = perTick,
                ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / requestsPerSecond),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var lease = await _limiter.AcquireAsync(1, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _limiter.Dispose();
            base.Dispose(disposing);
        }
    }
}
