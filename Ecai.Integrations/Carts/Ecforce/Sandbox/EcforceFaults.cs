using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>
/// Misbehaviour on demand, for tests and the demo (also settable with <c>POST {prefix}/_faults</c>),
/// plus counters of what the sandbox served. Faults apply to the list endpoints; sign-in has its own
/// two switches (refused, rate-limited). An injected 500 carries an ecforce error body.
/// </summary>
public sealed class EcforceFaults : FaultSwitches
{
    private int _nextHtml503, _servedHtml503, _apiRequests;

    /// <summary>The next <paramref name="count"/> API responses are an HTML 503 page (a CDN in front of the shop).</summary>
    public void NextHtml503(int count)
    {
        lock (Gate) _nextHtml503 = count;
    }

    /// <summary>Every token is refused with 401 (revoked credentials); sign-in still issues new ones.</summary>
    public bool RejectAllTokens { get; set; }

    /// <summary>Every sign-in is refused with 401, as for a wrong e-mail or password (an admin user locked at the shop).</summary>
    public bool RefuseSignIns { get; set; }

    /// <summary>Every sign-in is answered 429 as when the shop's limit of 5 an hour is used up, with <c>Retry-After</c>.</summary>
    public bool SignInRateLimited { get; set; }

    public int ServedHtml503 => Volatile.Read(ref _servedHtml503);

    /// <summary>Calls to the list endpoints, whatever the answer.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    internal enum Outcome { None, TooMany, ServerError, HtmlUnavailable }

    /// <summary>Decides the fault (if any) for one API request arriving at <paramref name="now"/>.</summary>
    internal (Outcome Outcome, int RetryAfterSeconds) Take(DateTimeOffset now)
    {
        lock (Gate)
        {
            _apiRequests++;
            // A little slack for timer granularity on the client side.
            if (TooEarly(now, TimeSpan.FromMilliseconds(50), out var wait)) return (Outcome.TooMany, wait);
            if (TakeNext429(now, out var retryAfter)) return (Outcome.TooMany, retryAfter);
            if (TakeNext500()) return (Outcome.ServerError, 0);
            if (_nextHtml503 > 0)
            {
                _nextHtml503--;
                _servedHtml503++;
                return (Outcome.HtmlUnavailable, 0);
            }
            return (Outcome.None, 0);
        }
    }

    /// <summary>
    /// The JSON body of <c>POST {prefix}/_faults</c>; absent fields leave a switch as it is, e.g.
    /// <c>{"next429": 3, "retry_after_seconds": 2, "next500": 1, "next_html503": 1, "delay_ms": 50,
    /// "malformed_order_every": 100, "reject_all_tokens": false}</c>.
    /// </summary>
    public sealed record Settings(int? Next429 = null, int? RetryAfterSeconds = null, int? Next500 = null, int? NextHtml503 = null,
        int? DelayMs = null, int? MalformedOrderEvery = null, bool? RejectAllTokens = null,
        bool? RefuseSignIns = null, bool? SignInRateLimited = null);

    public void Apply(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ApplyShared(settings.Next429, settings.RetryAfterSeconds, settings.Next500, settings.DelayMs, settings.MalformedOrderEvery);
        if (settings.NextHtml503 is { } n503) NextHtml503(n503);
        if (settings.RejectAllTokens is { } reject) RejectAllTokens = reject;
        if (settings.RefuseSignIns is { } refuse) RefuseSignIns = refuse;
        if (settings.SignInRateLimited is { } limited) SignInRateLimited = limited;
    }
}
