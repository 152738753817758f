using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>
/// Tuning for the 楽楽リピート connector (configuration section <c>Carts:Rakuraku</c>).
/// Defaults follow the published limits; tests raise the rate and shorten the delays.
/// </summary>
public sealed class RakurakuOptions : ICartRetryOptions
{
    public const string Section = "Carts:Rakuraku";

    /// <summary>Rows per order search; 楽楽リピート returns at most 500 per search [C].</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Hard cap per pull; the cursor lets the next pull continue where this one stopped.</summary>
    public int MaxPages { get; set; } = 100_000;

    /// <summary>Requests per second per shop; 楽楽リピート allows one, and no parallel calls [C].</summary>
    public double RequestsPerSecond { get; set; } = 1.0;

    /// <summary>Added to every gap between two requests, so clock jitter never makes one arrive early.</summary>
    public TimeSpan PacingMargin { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>An access token this close to its expiry is refreshed before use.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retries after the first attempt for 408/429/5xx and network errors (GET only).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off step (exponential with jitter); a <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time-out of one HTTP attempt (including its wait for its turn at the shop's one-request-per-second gate).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time-out of one call including all its retries and waits.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The gap kept between the starts of two requests to one shop.</summary>
    internal TimeSpan RequestInterval => TimeSpan.FromSeconds(1 / RequestsPerSecond) + PacingMargin;

    internal bool IsValid() =>
        PageSize is >= 1 and <= 500 && MaxPages >= 1 && RequestsPerSecond is > 0 and <= 1000 && PacingMargin >= TimeSpan.Zero
        && RefreshBeforeExpiry >= TimeSpan.Zero && MaxRetries is >= 1 and <= 10 && RetryBaseDelay >= TimeSpan.Zero
        && AttemptTimeout > TimeSpan.Zero && TotalRequestTimeout > AttemptTimeout;
}
