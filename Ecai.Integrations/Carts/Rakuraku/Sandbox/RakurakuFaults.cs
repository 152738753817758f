using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Rakuraku.Sandbox;

/// <summary>
/// Misbehaviour on demand (also settable with <c>POST {prefix}/_faults</c>), the real limit on demand
/// (<see cref="Throttled"/>: one request per second and no parallel calls [C], else 429), and counters.
/// Faults and the throttle apply to the order search, not to the OAuth endpoints (Next429 and Next500 count searches).
/// </summary>
public sealed class RakurakuFaults : FaultSwitches
{
    /// <summary>Slack for timer granularity when judging a request early.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(10);

    private DateTimeOffset _lastAccepted = DateTimeOffset.MinValue;
    private int _inFlight, _maxInFlight;
    private int _throttled, _apiRequests, _largestPage;

    /// <summary>Enforce 1 request per <see cref="RakurakuStoreOptions.ThrottleInterval"/> and no parallel calls (429 otherwise).</summary>
    public bool Throttled { get; set; }

    /// <summary>Every access token is refused with 401 (the refresh still issues new ones, also refused).</summary>
    public bool RejectAllTokens { get; set; }

    /// <summary>429s the throttle gave (too soon after the previous request, or in parallel with one).</summary>
    public int ThrottledRequests => Volatile.Read(ref _throttled);

    /// <summary>Order searches, whatever the answer.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    /// <summary>The most searches ever being answered at once (1 for a client that never calls in parallel).</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>The most orders one response carried.</summary>
    public int LargestPage => Volatile.Read(ref _largestPage);

    internal enum Outcome { None, TooMany, ServerError }

    /// <summary>Decides one search arriving at <paramref name="now"/>; a None outcome must be followed by <see cref="Done"/>.</summary>
    internal (Outcome Outcome, int RetryAfterSeconds) Take(DateTimeOffset now, TimeSpan throttleInterval)
    {
        lock (Gate)
        {
            _apiRequests++;
            if (TooEarly(now, Tolerance, out var wait)) return (Outcome.TooMany, wait);
            if (TakeNext429(now, out var retryAfter)) return (Outcome.TooMany, retryAfter);
            if (Throttled && (_inFlight > 0 || now + Tolerance < _lastAccepted + throttleInterval))
            {
                _throttled++;
                Count429();
                return (Outcome.TooMany, Math.Max(1, (int)Math.Ceiling(throttleInterval.TotalSeconds)));
            }
            if (TakeNext500()) return (Outcome.ServerError, 0);
            _lastAccepted = now;
            _inFlight++;
            _maxInFlight = Math.Max(_maxInFlight, _inFlight);
            return (Outcome.None, 0);
        }
    }

    internal void Done(int rows)
    {
        lock (Gate)
        {
            _inFlight--;
            _largestPage = Math.Max(_largestPage, rows);
        }
    }

    /// <summary>
    /// The JSON body of <c>POST {prefix}/_faults</c>; absent fields leave a switch as it is, e.g.
    /// <c>{"next429": 1, "retry_after_seconds": 1, "next500": 1, "delay_ms": 50, "malformed_order_every": 100,
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
