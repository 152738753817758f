namespace Ecai.Integrations.Carts.Rakuraku.Sandbox;

/// <summary>
/// Misbehaviour on demand (also settable with <c>POST {prefix}/_faults</c>), the real limit on demand
/// (<see cref="Throttled"/>: one request per second and no parallel calls [C], else 429), and counters.
/// Faults and the throttle apply to the order search, not to the OAuth endpoints.
/// </summary>
public sealed class RakurakuFaults
{
    /// <summary>Slack for timer granularity when judging a request early.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(10);

    private readonly Lock _lock = new();
    private int _next429, _next500, _retryAfterSeconds = 1;
    private DateTimeOffset _retryNotBefore = DateTimeOffset.MinValue;
    private DateTimeOffset _lastAccepted = DateTimeOffset.MinValue;
    private int _inFlight, _maxInFlight;
    private int _served429, _served500, _throttled, _tooEarly, _apiRequests, _largestPage;

    /// <summary>The next <paramref name="count"/> searches are 429 with <c>Retry-After: seconds</c>.</summary>
    public void Next429(int count, int retryAfterSeconds = 1)
    {
        lock (_lock) (_next429, _retryAfterSeconds) = (count, Math.Max(0, retryAfterSeconds));
    }

    /// <summary>The next <paramref name="count"/> searches are 500.</summary>
    public void Next500(int count)
    {
        lock (_lock) _next500 = count;
    }

    /// <summary>Enforce 1 request per <see cref="RakurakuStoreOptions.ThrottleInterval"/> and no parallel calls (429 otherwise).</summary>
    public bool Throttled { get; set; }

    public TimeSpan ResponseDelay { get; set; }

    /// <summary>When k &gt; 0, every k-th order is broken: alternately an unreadable ordered_at and no customer id.</summary>
    public int MalformedOrderEvery { get; set; }

    /// <summary>Every access token is refused with 401 (the refresh still issues new ones, also refused).</summary>
    public bool RejectAllTokens { get; set; }

    public int Served429 => Volatile.Read(ref _served429);
    public int Served500 => Volatile.Read(ref _served500);

    /// <summary>429s the throttle gave (too soon after the previous request, or in parallel with one).</summary>
    public int ThrottledRequests => Volatile.Read(ref _throttled);

    /// <summary>Requests that arrived while a Retry-After was still running.</summary>
    public int RequestsBeforeRetryAfter => Volatile.Read(ref _tooEarly);

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
        lock (_lock)
        {
            _apiRequests++;
            if (now + Tolerance < _retryNotBefore)
            {
                _tooEarly++;
                _served429++;
                return (Outcome.TooMany, Math.Max(1, (int)Math.Ceiling((_retryNotBefore - now).TotalSeconds)));
            }
            if (_next429 > 0)
            {
                _next429--;
                _served429++;
                _retryNotBefore = now.AddSeconds(_retryAfterSeconds);
                return (Outcome.TooMany, _retryAfterSeconds);
            }
            if (Throttled && (_inFlight > 0 || now + Tolerance < _lastAccepted + throttleInterval))
            {
                _throttled++;
                _served429++;
                return (Outcome.TooMany, Math.Max(1, (int)Math.Ceiling(throttleInterval.TotalSeconds)));
            }
            if (_next500 > 0)
            {
                _next500--;
                _served500++;
                return (Outcome.ServerError, 0);
            }
            _lastAccepted = now;
            _inFlight++;
            _maxInFlight = Math.Max(_maxInFlight, _inFlight);
            return (Outcome.None, 0);
        }
    }

    internal void Done(int rows)
    {
        lock (_lock)
        {
            _inFlight--;
            _largestPage = Math.Max(_largestPage, rows);
        }
    }

    /// <summary>The malformation of order <paramref name="id"/>: 0 none, 1 unreadable ordered_at, 2 no customer id.</summary>
    internal int MalformationOf(long id)
    {
        var every = MalformedOrderEvery;
        if (every <= 0 || id % every != 0) return 0;
        return (id / every) % 2 == 1 ? 1 : 2;
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
        if (settings.Next429 is { } n429) Next429(n429, settings.RetryAfterSeconds ?? 1);
        if (settings.Next500 is { } n500) Next500(n500);
        if (settings.DelayMs is { } delay) ResponseDelay = TimeSpan.FromMilliseconds(Math.Max(0, delay));
        if (settings.MalformedOrderEvery is { } every) MalformedOrderEvery = Math.Max(0, every);
        if (settings.RejectAllTokens is { } reject) RejectAllTokens = reject;
        if (settings.Throttled is { } throttled) Throttled = throttled;
    }
}
