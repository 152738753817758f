using System.Globalization;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>
/// Misbehaviour on demand (also settable with <c>POST {prefix}/_faults</c>), the shop's leaky bucket,
/// and counters of what the sandbox served. Faults apply to the API endpoints.
/// <para>
/// <see cref="Throttled"/>: the REST leaky bucket of a Standard shop — 40 calls, leaking 2 per second
/// [C]/[C3]; every answer carries <c>X-Shopify-Shop-Api-Call-Limit: used/40</c> and a call that would
/// overflow gets 429 with <c>Retry-After: 2.0</c> [C3]; injected 429s write Retry-After the same way
/// (<c>seconds.0</c>). Order index i is malformed as order number i + 1.
/// </para>
/// </summary>
public sealed class ShopifyFaults : FaultSwitches
{
    public const int StandardBucketSize = 40;
    public const double StandardLeakPerSecond = 2;

    /// <summary>Calls the bucket holds (Standard plan 40 [C3]); tests make it small.</summary>
    public int BucketSize { get; set; } = StandardBucketSize;

    /// <summary>Calls leaked per second (Standard plan 2 [C]); tests make it fast.</summary>
    public double LeakPerSecond { get; set; } = StandardLeakPerSecond;

    private int _apiRequests, _bucketOverflows;
    private double _level;
    private DateTimeOffset _levelAt = DateTimeOffset.MinValue;

    /// <summary>The shop's leaky bucket is enforced (off by default, so tests and the demo run at full speed).</summary>
    public bool Throttled { get; set; }

    /// <summary>Every access token is refused with 401 (the app was uninstalled or the token revoked).</summary>
    public bool RejectAllTokens { get; set; }

    /// <summary>429s the bucket gave because a client sent faster than it leaks.</summary>
    public int BucketOverflows => Volatile.Read(ref _bucketOverflows);

    /// <summary>Calls to the API endpoints, whatever the answer.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    internal enum Outcome { None, TooMany, ServerError }

    /// <summary>
    /// Decides the answer to one API request arriving at <paramref name="now"/>: the fault (if any), the
    /// Retry-After text, and the call-limit header (null when not throttled).
    /// </summary>
    internal (Outcome Outcome, string? RetryAfter, string? CallLimit) Take(DateTimeOffset now)
    {
        lock (Gate)
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
                    Count429();
                    return (Outcome.TooMany, "2.0", $"{BucketSize}/{BucketSize}");
                }
                _level += 1;
                callLimit = $"{(int)Math.Ceiling(_level)}/{BucketSize}";
            }
            // A little slack for timer granularity on the client side.
            if (TooEarly(now, TimeSpan.FromMilliseconds(50), out var wait)) return (Outcome.TooMany, Seconds(wait), callLimit);
            if (TakeNext429(now, out var retryAfter)) return (Outcome.TooMany, Seconds(retryAfter), callLimit);
            if (TakeNext500()) return (Outcome.ServerError, null, callLimit);
            return (Outcome.None, null, callLimit);
        }
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
        ApplyShared(settings.Next429, settings.RetryAfterSeconds, settings.Next500, settings.DelayMs, settings.MalformedOrderEvery);
        if (settings.RejectAllTokens is { } reject) RejectAllTokens = reject;
        if (settings.Throttled is { } throttled) Throttled = throttled;
    }
}
