namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>
/// Misbehaviour on demand, for tests and the demo (also settable with <c>POST {prefix}/_faults</c>),
/// plus counters of what the sandbox served. Faults apply to the list endpoints, not to sign-in.
/// After a 429 the sandbox keeps answering 429 until Retry-After has passed, as a real rate
/// limiter would, and counts requests that came too early.
/// </summary>
public sealed class EcforceFaults
{
    private readonly Lock _lock = new();
    private int _next429, _next500, _nextHtml503, _retryAfterSeconds = 1;
    private DateTimeOffset _retryNotBefore = DateTimeOffset.MinValue;
    private int _served429, _served500, _servedHtml503, _tooEarly, _apiRequests;

    /// <summary>The next <paramref name="count"/> API responses are 429 with <c>Retry-After: seconds</c>.</summary>
    public void Next429(int count, int retryAfterSeconds = 1)
    {
        lock (_lock) (_next429, _retryAfterSeconds) = (count, Math.Max(0, retryAfterSeconds));
    }

    /// <summary>The next <paramref name="count"/> API responses are 500 with an ecforce error body.</summary>
    public void Next500(int count)
    {
        lock (_lock) _next500 = count;
    }

    /// <summary>The next <paramref name="count"/> API responses are an HTML 503 page (a CDN in front of the shop).</summary>
    public void NextHtml503(int count)
    {
        lock (_lock) _nextHtml503 = count;
    }

    /// <summary>Added before every response.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>When k &gt; 0, every k-th order is broken: alternately unreadable dates and no customer id.</summary>
    public int MalformedOrderEvery { get; set; }

    /// <summary>Every token is refused with 401 (revoked credentials); sign-in still issues new ones.</summary>
    public bool RejectAllTokens { get; set; }

    public int Served429 => Volatile.Read(ref _served429);
    public int Served500 => Volatile.Read(ref _served500);
    public int ServedHtml503 => Volatile.Read(ref _servedHtml503);

    /// <summary>Requests that arrived while a Retry-After was still running (a client that ignores it).</summary>
    public int RequestsBeforeRetryAfter => Volatile.Read(ref _tooEarly);

    /// <summary>Calls to the list endpoints, whatever the answer.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    internal enum Outcome { None, TooMany, ServerError, HtmlUnavailable }

    /// <summary>Decides the fault (if any) for one API request arriving at <paramref name="now"/>.</summary>
    internal (Outcome Outcome, int RetryAfterSeconds) Take(DateTimeOffset now)
    {
        lock (_lock)
        {
            _apiRequests++;
            // A little slack for timer granularity on the client side.
            if (now + TimeSpan.FromMilliseconds(50) < _retryNotBefore)
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
            if (_next500 > 0)
            {
                _next500--;
                _served500++;
                return (Outcome.ServerError, 0);
            }
            if (_nextHtml503 > 0)
            {
                _nextHtml503--;
                _servedHtml503++;
                return (Outcome.HtmlUnavailable, 0);
            }
            return (Outcome.None, 0);
        }
    }

    /// <summary>The malformation of order <paramref name="id"/>: 0 none, 1 unreadable dates, 2 no customer id.</summary>
    internal int MalformationOf(long id)
    {
        var every = MalformedOrderEvery;
        if (every <= 0 || id % every != 0) return 0;
        return (id / every) % 2 == 1 ? 1 : 2;
    }

    /// <summary>
    /// The JSON body of <c>POST {prefix}/_faults</c>; absent fields leave a switch as it is, e.g.
    /// <c>{"next429": 3, "retry_after_seconds": 2, "next500": 1, "next_html503": 1, "delay_ms": 50,
    /// "malformed_order_every": 100, "reject_all_tokens": false}</c>.
    /// </summary>
    public sealed record Settings(int? Next429 = null, int? RetryAfterSeconds = null, int? Next500 = null, int? NextHtml503 = null,
        int? DelayMs = null, int? MalformedOrderEvery = null, bool? RejectAllTokens = null);

    public void Apply(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Next429 is { } n429) Next429(n429, settings.RetryAfterSeconds ?? 1);
        if (settings.Next500 is { } n500) Next500(n500);
        if (settings.NextHtml503 is { } n503) NextHtml503(n503);
        if (settings.DelayMs is { } delay) ResponseDelay = TimeSpan.FromMilliseconds(Math.Max(0, delay));
        if (settings.MalformedOrderEvery is { } every) MalformedOrderEvery = Math.Max(0, every);
        if (settings.RejectAllTokens is { } reject) RejectAllTokens = reject;
    }
}
