using System.Globalization;

namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>
/// Misbehaviour on demand (also settable with <c>POST {prefix}/_faults</c>), the shop's leaky bucket,
/// and counters of what the sandbox served. Faults apply to the API endpoints.
/// <para>
/// <see cref="Throttled"/>: the REST leaky bucket of a Standard shop — 40 calls, leaking 2 per second
/// [C]/[C3]; every answer carries <c>X-Shopify-Shop-Api-Call-Limit: used/40</c> and a call that would
/// overflow gets 429 with <c>Retry-After: 2.0</c> [C3]. After an injected 429 the sandbox keeps
/// answering 429 until Retry-After has passed, and counts requests that came too early.
/// </para>
/// </summary>
public sealed class ShopifyFaults
{
    public const int StandardBucketSize = 40;
    public const double StandardLeakPerSecond = 2;

    /// <summary>Calls the bucket holds (Standard plan 40 [C3]); tests make it small.</summary>
    public int BucketSize { get; set; } = StandardBucketSize;

    /// <summary>Calls leaked per second (Standard plan 2 [C]); tests make it fast.</summary>
    public double LeakPerSecond { get; set; } = StandardLeakPerSecond;

    private readonly Lock _lock = new();
    private int _next429, _next500, _retryAfterSeconds = 1;
    private DateTimeOffset _retryNotBefore = DateTimeOffset.MinValue;
    private int _served429, _served500, _tooEarly, _apiRequests, _bucketOverflows;
    private double _level;
    private DateTimeOffset _levelAt = DateTimeOffset.MinValue;

    /// <summary>The next <paramref name="count"/> API responses are 429 with <c>Retry-After: seconds.0</c>.</summary>
    public void Next429(int count, int retryAfterSeconds = 1)
    {
        lock (_lock) (_next429, _retryAfterSeconds) = (count, Math.Max(0, retryAfterSeconds));
    }

    /// <summary>The next <paramref name="count"/> API responses are 500.</summary>
    public void Next500(int count)
    {
        lock (_lock) _next500 = count;
    }

    /// <summary>The shop's leaky bucket is enforced (off by default, so tests and the demo run at full speed).</summary>
    public bool Throttled { get; set; }

    /// <summary>Added before every response.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>When k &gt; 0, every k-th order is broken: alternately an unreadable created_at and no customer.</summary>
    public int MalformedOrderEvery { get; set; }

    /// <summary>Every access token is refused with 401 (the app was uninstalled or the token revoked).</summary>
    public bool RejectAllTokens { get; set; }

    public int Served429 => Volatile.Read(ref _served429);
    public int Served500 => Volatile.Read(ref _served500);

    /// <summary>429s the bucket gave because a client sent faster than it leaks.</summary>
    public int BucketOverflows => Volatile.Read(ref _bucketOverflows);

    /// <summary>Requests that arrived while a Retry-After was still running (a client that ignores it).</summary>
    public int RequestsBeforeRetryAfter => Volatile.Read(ref _tooEarly);

    /// <summary>Calls to the API endpoints, whatever the answer.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    internal enum Outcome { None, TooMany, ServerError }

    /// <summary>
    /// Decides the answer to one API request arriving at <paramref name="now"/>: the fault (if any), the
    /// Retry-After text, and the call-limit header (null when not throttled).
    /// </summary>
    internal (Outcome Outcome, string? RetryAfter, string? CallLimit) Take(DateTimeOffset now)
    {
        lock (_lock)
        {
            _apiRequests++;
            string? callLimit = null;
            if (Throttled)
            {
                if (_levelAt != DateTimeOffset.MinValue) _level = Math.Max(0, _level - (now - _levelAt).TotalSeconds * LeakPerSecond);
                _levelAt = now;
                if (_level + 1 > BucketSize)
                {
                    _bucketOverflows++;
                    _served429++;
                    return (Outcome.TooMany, "2.0", $"{BucketSize}/{BucketSize}");
                }
                _level += 1;
                callLimit = $"{(int)Math.Ceiling(_level)}/{BucketSize}";
            }
            // A little slack for timer granularity on the client side.
            if (now + TimeSpan.FromMilliseconds(50) < _retryNotBefore)
            {
                _tooEarly++;
                _served429++;
                return (Outcome.TooMany, Seconds(Math.Max(1, (int)Math.Ceiling((_retryNotBefore - now).TotalSeconds))), callLimit);
            }
            if (_next429 > 0)
            {
                _next429--;
                _served429++;
                _retryNotBefore = now.AddSeconds(_retryAfterSeconds);
                return (Outcome.TooMany, Seconds(_retryAfterSeconds), callLimit);
            }
            if (_next500 > 0)
            {
                _next500--;
                _served500++;
                return (Outcome.ServerError, null, callLimit);
            }
            return (Outcome.None, null, callLimit);
        }
    }

    /// <summary>The malformation of order index <paramref name="index"/>: 0 none, 1 unreadable created_at, 2 no customer.</summary>
    internal int MalformationOf(long index)
    {
        var every = MalformedOrderEvery;
        if (every <= 0 || (index + 1) % every != 0) return 0;
        return ((index + 1) / every) % 2 == 1 ? 1 : 2;
    }

    /// <summary>Shopify writes Retry-After with a fraction, e.g. "2.0" [C3].</summary>
    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + ".0";

    /// <summary>
    /// The JSON body of <c>POST {prefix}/_faults</c>; absent fields leave a switch as it is, e.g.
    /// <c>{"next429": 3, "retry_after_seconds": 2, "next500": 1, "delay_ms": 50, "malformed_order_every": 100,
    /// "reject_all_tokens": false, "throttled": true}</c>.
    /// </summary>
    public sealed record Settings(int? Next429 = null, int? RetryAfterSeconds = null, int? Next500 = null, int? DelayMs = null,
        int? MalformedOrderEvery = null, bool? RejectAllTokens = null, bool? Throttled = null);

    public void Apply(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Next429 is { } n429) Next429(n429, settings.RetryAfterSeconds ?? 1);
        if (settings.Next500 is { } n500) Next500(n500);
        if (settings.DelayMs is { } delay) ResponseDelay = TimeSpan.FromMilliseconds(Math.Max(0, delay));
        if (settings.MalformedOrderEvery is { } every) MalformedOrderEvery = Math.Max(0, every);
        if (settings.RejectAllTokens is { } reject) RejectAllTokens = reject;
        if (settings.Throttled is { } throttled) Throttled = throttled;
    }
}
