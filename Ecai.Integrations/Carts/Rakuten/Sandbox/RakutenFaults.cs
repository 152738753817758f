using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Rakuten.Sandbox;

/// <summary>
/// Misbehaviour on demand (also settable with <c>POST {prefix}/_faults</c>), the ~1 request/s throttle,
/// and counters of what the sandbox served. A malformed order has an unreadable 注文日時 or no 注文者.
/// </summary>
public sealed class RakutenFaults : FaultSwitches
{
    /// <summary>Arrivals this much early still pass (timer granularity, network jitter); half the interval at most.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    private DateTimeOffset _lastAccepted = DateTimeOffset.MinValue;
    private int _throttled, _apiRequests, _searchCalls, _getOrderCalls, _largestBatch;

    /// <summary>
    /// The next API response is HTTP 200 with this ERROR entry in MessageModelList (a business error, e.g.
    /// a function not enabled), then the switch clears itself.
    /// </summary>
    public string? NextBusinessError { get; set; }

    /// <summary>Takes <see cref="NextBusinessError"/> (once).</summary>
    internal string? TakeBusinessError()
    {
        lock (Gate)
        {
            var error = NextBusinessError;
            NextBusinessError = null;
            return error;
        }
    }

    /// <summary>The licenseKey has expired: every call is 401 with an ERROR message.</summary>
    public bool LicenseExpired { get; set; }

    /// <summary>Enforce the real limit (<see cref="RakutenStoreOptions.ThrottleRps"/>) with 429s; off by default.</summary>
    public bool Throttled { get; set; }

    /// <summary>searchOrder calls answered with order numbers (valid searches).</summary>
    public int SearchCalls => Volatile.Read(ref _searchCalls);

    /// <summary>getOrder calls that passed the licence check (valid or not).</summary>
    public int GetOrderCalls => Volatile.Read(ref _getOrderCalls);

    /// <summary>The most order numbers one getOrder call asked for (RMS allows 100).</summary>
    public int LargestGetOrderBatch => Volatile.Read(ref _largestBatch);

    internal void CountSearch() => Interlocked.Increment(ref _searchCalls);

    internal void CountGetOrder(int numbers)
    {
        Interlocked.Increment(ref _getOrderCalls);
        lock (Gate) _largestBatch = Math.Max(_largestBatch, numbers);
    }

    /// <summary>429s the throttle served (requests above the allowed rate).</summary>
    public int Throttled429 => Volatile.Read(ref _throttled);

    /// <summary>Calls to searchOrder and getOrder, whatever the answer.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    internal enum Outcome { None, TooMany, ServerError }

    /// <summary>Decides the fault (if any) for one API request arriving at <paramref name="now"/>.</summary>
    internal (Outcome Outcome, int RetryAfterSeconds) Take(DateTimeOffset now, double throttleRps)
    {
        lock (Gate)
        {
            _apiRequests++;
            if (TooEarly(now, Slack, out var wait)) return (Outcome.TooMany, wait);
            if (TakeNext429(now, out var retryAfter)) return (Outcome.TooMany, retryAfter);
            if (TakeNext500()) return (Outcome.ServerError, 0);
            if (Throttled && throttleRps > 0)
            {
                var interval = TimeSpan.FromSeconds(1 / throttleRps);
                var slack = interval / 2 < Slack ? interval / 2 : Slack;
                if (now + slack < _lastAccepted + interval)
                {
                    _throttled++;
                    Count429();
                    return (Outcome.TooMany, Math.Max(1, (int)Math.Ceiling((_lastAccepted + interval - now).TotalSeconds)));
                }
            }
            _lastAccepted = now;
            return (Outcome.None, 0);
        }
    }

    /// <summary>
    /// The JSON body of <c>POST {prefix}/_faults</c>; absent fields leave a switch as it is, e.g.
    /// <c>{"next429": 3, "retry_after_seconds": 2, "next500": 1, "delay_ms": 50, "malformed_order_every": 100,
    /// "license_expired": false, "throttled": true}</c>.
    /// </summary>
    public sealed record Settings(int? Next429 = null, int? RetryAfterSeconds = null, int? Next500 = null, int? DelayMs = null,
        int? MalformedOrderEvery = null, bool? LicenseExpired = null, bool? Throttled = null, string? NextBusinessError = null);

    public void Apply(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ApplyShared(settings.Next429, settings.RetryAfterSeconds, settings.Next500, settings.DelayMs, settings.MalformedOrderEvery);
        if (settings.LicenseExpired is { } expired) LicenseExpired = expired;
        if (settings.Throttled is { } throttled) Throttled = throttled;
        if (settings.NextBusinessError is { } error) NextBusinessError = error;
    }
}
