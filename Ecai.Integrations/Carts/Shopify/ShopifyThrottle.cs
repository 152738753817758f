using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>
/// The client's copy of one shop's leaky bucket (REST: per app and store; Standard plan 40 calls,
/// leaking 2 per second [C]/[C3]). Each send takes a slot; the level leaks at the configured rate.
/// <c>X-Shopify-Shop-Api-Call-Limit: 32/40</c> [C3] on a response raises the level to what the shop
/// reports (never lowers it: our own reservations are newer) and sets the size. Until a shop has sent
/// that header once, nothing is paced (a shop or sandbox without a limit runs at full speed).
/// A send waits only as long as needed to keep <see cref="ShopifyOptions.BucketMargin"/> slots free,
/// so a long pull runs at the leak rate with the burst used up front, and never trips a 429.
/// </summary>
internal sealed class ShopifyLeakyBucket(ShopifyOptions options, TimeProvider clock)
{
    public const string CallLimitHeader = "X-Shopify-Shop-Api-Call-Limit";

    private readonly Lock _lock = new();
    private double _level;
    private int _size = options.BucketSize;
    private bool _known;
    private long _at = clock.GetTimestamp();

    /// <summary>Reserves a slot; returns how long to wait before sending.</summary>
    public TimeSpan Reserve()
    {
        lock (_lock)
        {
            Leak();
            if (!_known) return TimeSpan.Zero;
            var room = _size - options.BucketMargin;
            var wait = Math.Max(0, (_level + 1 - room) / options.LeakRatePerSecond);
            _level += 1;
            return TimeSpan.FromSeconds(wait);
        }
    }

    /// <summary>Reads the shop's count after a response, e.g. "32/40".</summary>
    public void Observe(string? header)
    {
        if (header is null) return;
        var slash = header.IndexOf('/');
        if (slash <= 0
            || !int.TryParse(header.AsSpan(0, slash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            || !int.TryParse(header.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size < 2) return;
        lock (_lock)
        {
            Leak();
            _known = true;
            _size = size;
            if (used > _level) _level = used;
        }
    }

    private void Leak()
    {
        var now = clock.GetTimestamp();
        _level = Math.Max(0, _level - clock.GetElapsedTime(_at, now).TotalSeconds * options.LeakRatePerSecond);
        _at = now;
    }
}

/// <summary>One bucket per shop host, shared by every connection and client of that shop in this process.</summary>
internal sealed class ShopifyBuckets(IOptions<ShopifyOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ShopifyLeakyBucket> _buckets = new(StringComparer.OrdinalIgnoreCase);

    public ShopifyLeakyBucket For(Uri uri) => _buckets.GetOrAdd(uri.Authority, _ => new ShopifyLeakyBucket(options.Value, clock));
}

/// <summary>
/// Paces every attempt (retries included: it sits inside the resilience handler) through the shop's
/// <see cref="ShopifyLeakyBucket"/>, and feeds the bucket the call-limit header of every answer.
/// </summary>
internal sealed class ShopifyThrottleHandler(ShopifyBuckets buckets, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bucket = buckets.For(request.RequestUri!);
        var wait = bucket.Reserve();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.NonValidated.TryGetValues(ShopifyLeakyBucket.CallLimitHeader, out var values))
            bucket.Observe(values.FirstOrDefault());
        return response;
    }
}
