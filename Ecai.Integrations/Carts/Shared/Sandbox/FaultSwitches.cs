namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>
/// What every cart's sandbox faults share: injected 429s (with <c>Retry-After: seconds</c>) and 500s,
/// the Retry-After window an injected 429 opens (the sandbox keeps answering 429 until it has passed,
/// as a real rate limiter would, and counts requests that came too early), a response delay and
/// malformed orders. Each cart decides a request under <see cref="Gate"/> with the steps below, in its
/// own order and with its own switches.
/// </summary>
public abstract class FaultSwitches
{
    /// <summary>Held while a request is decided; the steps below expect it.</summary>
    protected readonly Lock Gate = new();

    private int _next429, _next500, _retryAfterSeconds = 1;
    private DateTimeOffset _retryNotBefore = DateTimeOffset.MinValue;
    private int _served429, _served500, _tooEarly;

    /// <summary>The next <paramref name="count"/> API responses are 429 with <c>Retry-After: seconds</c>.</summary>
    public void Next429(int count, int retryAfterSeconds = 1)
    {
        lock (Gate) (_next429, _retryAfterSeconds) = (count, Math.Max(0, retryAfterSeconds));
    }

    /// <summary>The next <paramref name="count"/> API responses are 500.</summary>
    public void Next500(int count)
    {
        lock (Gate) _next500 = count;
    }

    /// <summary>Added before every response.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>When k &gt; 0, every k-th order is broken: alternately an unreadable date and no customer.</summary>
    public int MalformedOrderEvery { get; set; }

    public int Served429 => Volatile.Read(ref _served429);
    public int Served500 => Volatile.Read(ref _served500);

    /// <summary>Requests that arrived while a Retry-After was still running (a client that ignores it).</summary>
    public int RequestsBeforeRetryAfter => Volatile.Read(ref _tooEarly);

    /// <summary>The malformation of order number <paramref name="n"/> (1-based): 0 none, 1 unreadable date, 2 no customer.</summary>
    public int MalformationOf(long n)
    {
        var every = MalformedOrderEvery;
        if (every <= 0 || n % every != 0) return 0;
        return (n / every) % 2 == 1 ? 1 : 2;
    }

    /// <summary>Sets the shared switches a <c>_faults</c> body names; a null leaves a switch as it is.</summary>
    protected void ApplyShared(int? next429, int? retryAfterSeconds, int? next500, int? delayMs, int? malformedOrderEvery)
    {
        if (next429 is { } n429) Next429(n429, retryAfterSeconds ?? 1);
        if (next500 is { } n500) Next500(n500);
        if (delayMs is { } delay) ResponseDelay = TimeSpan.FromMilliseconds(Math.Max(0, delay));
        if (malformedOrderEvery is { } every) MalformedOrderEvery = Math.Max(0, every);
    }

    /// <summary>Under <see cref="Gate"/>: the request came more than <paramref name="slack"/> before Retry-After had passed.</summary>
    protected bool TooEarly(DateTimeOffset now, TimeSpan slack, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (now + slack >= _retryNotBefore) return false;
        _tooEarly++;
        _served429++;
        retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((_retryNotBefore - now).TotalSeconds));
        return true;
    }

    /// <summary>Under <see cref="Gate"/>: takes an injected 429, which opens the Retry-After window.</summary>
    protected bool TakeNext429(DateTimeOffset now, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (_next429 <= 0) return false;
        _next429--;
        _served429++;
        _retryNotBefore = now.AddSeconds(_retryAfterSeconds);
        retryAfterSeconds = _retryAfterSeconds;
        return true;
    }

    /// <summary>Under <see cref="Gate"/>: takes an injected 500.</summary>
    protected bool TakeNext500()
    {
        if (_next500 <= 0) return false;
        _next500--;
        _served500++;
        return true;
    }

    /// <summary>Under <see cref="Gate"/>: counts a 429 the cart's own limiter gave.</summary>
    protected void Count429() => _served429++;
}
