namespace Ecai.Integrations.Line;

/// <summary>
/// Where and how ECAI calls LINE (configuration section <c>Ecai:Line</c>). The calls are few and small
/// (an ID-token check while a member waits on a LIFF page, a profile per new friend during a webhook), so
/// retries are short and few: a slow LINE must not hold up the page or the webhook for long. Tests shorten
/// the delays to milliseconds.
/// </summary>
public sealed class LineOptions
{
    public const string Section = "Ecai:Line";

    /// <summary>LINE's API host for everything ECAI calls [C: docs/line.md § Common].</summary>
    public const string DefaultApiBaseUrl = "https://api.line.me";

    /// <summary>Base URL of the LINE API; demo mode and tests point it at the LINE sandbox (see <see cref="LineEndpoint"/>).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Retries after the first attempt for 408/429/5xx and network errors (both calls are idempotent).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First back-off step (exponential with jitter). LINE's 429 carries no Retry-After [C: docs/line.md § Rate limits].</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time-out of one call including all its retries and waits.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// Retries after the first attempt of a push, multicast or rich-menu call, with the same retry key, for 5xx,
    /// time-outs, network errors and a rate-limit 429 (never for the monthly-limit 429). The per-attempt time-out
    /// is <see cref="AttemptTimeout"/>; there is no circuit breaker or rate limiter on the sending pipeline.
    /// </summary>
    public int SendMaxRetries { get; set; } = 3;

    /// <summary>
    /// First back-off step of a send retry (exponential with jitter: about 0.25, 0.5, 1 s), so the retries of a
    /// rate-limited push reach into LINE's next one-second window.
    /// </summary>
    public TimeSpan SendRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Client-side pacing of pushes per channel (access token), just under LINE's 2,000 req/s [C: docs/line.md § Rate limits] so a
    /// busy dispatcher waits here instead of being refused there (see <see cref="LinePacer"/>). 0 turns pacing off.
    /// </summary>
    public int PushesPerSecond { get; set; } = 1_950;

    /// <summary>Client-side pacing of multicasts per channel, under LINE's 200 req/s [C: docs/line.md § Rate limits]. 0 = off.</summary>
    public int MulticastsPerSecond { get; set; } = 190;

    /// <summary>Connections kept open to LINE by the sending pipeline (HTTP/1.1, one request each at a time).</summary>
    public int MaxConnectionsPerServer { get; set; } = 256;

    internal bool IsValid() =>
        LineEndpoint.TryParse(ApiBaseUrl, out _) && MaxRetries is >= 1 and <= 10 && RetryBaseDelay >= TimeSpan.Zero
        && AttemptTimeout >= TimeSpan.FromMilliseconds(10) && TotalRequestTimeout > AttemptTimeout
        && SendMaxRetries is >= 1 and <= 10 && SendRetryBaseDelay >= TimeSpan.Zero && MaxConnectionsPerServer is >= 1 and <= 10_000
        && PushesPerSecond is >= 0 and <= 100_000 && MulticastsPerSecond is >= 0 and <= 100_000;
}
