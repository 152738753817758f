using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// Tuning for the Rakuten RMS connector (configuration section <c>Carts:Rakuten</c>).
/// Defaults suit a real shop; tests raise the rate and shorten the delays.
/// </summary>
public sealed class RakutenOptions : ICartRetryOptions
{
    public const string Section = "Carts:Rakuten";

    /// <summary>Order numbers per searchOrder page (<c>requestRecordsAmount</c>, at most 1,000 [C]).</summary>
    public int PageSize { get; set; } = 1_000;

    /// <summary>Order numbers per getOrder call (at most 100 [C]).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Days per searchOrder window; one search may span at most 63 days [C3]. 60 leaves room for clock skew.</summary>
    public int WindowDays { get; set; } = 60;

    /// <summary>How far back searchOrder accepts a start (about 730 days from now [I]).</summary>
    public int MaxHistoryDays { get; set; } = 730;

    /// <summary>Kept between the API's oldest allowed start and ours, so a slow first request is not refused.</summary>
    public TimeSpan HistoryMargin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// After the history is in, each pull re-reads orders of the last N days by 注文日, so shipping dates,
    /// cancellations and status changes of recent orders arrive.
    /// </summary>
    public int RecentDays { get; set; } = 60;

    /// <summary>Requests per second per licence (RMS: about 1 [I]); 0 turns pacing off (tests only).</summary>
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>Retries after the first attempt for 408/429/5xx and network errors.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off step (exponential with jitter); a <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time-out of one call including all its retries and waits.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(3);

    internal bool IsValid() =>
        PageSize is >= 1 and <= 1_000 && BatchSize is >= 1 and <= 100 && WindowDays is >= 1 and <= 63
        && MaxHistoryDays is >= 1 and <= 730 && HistoryMargin >= TimeSpan.Zero && RecentDays >= 1 && RequestsPerSecond >= 0
        && MaxRetries is >= 1 and <= 10 && RetryBaseDelay >= TimeSpan.Zero && AttemptTimeout > TimeSpan.Zero
        && TotalRequestTimeout > AttemptTimeout;
}
