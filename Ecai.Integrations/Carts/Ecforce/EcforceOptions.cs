using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>
/// Tuning for the ecforce connector (configuration section <c>Carts:Ecforce</c>).
/// Defaults suit a real shop; tests shorten the delays so retries take milliseconds.
/// </summary>
public sealed class EcforceOptions : ICartRetryOptions
{
    public const string Section = "Carts:Ecforce";

    /// <summary>Rows per page; ecforce caps <c>per</c> at 100 [C3].</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Pages fetched ahead of the consumer (still yielded strictly in order).</summary>
    public int MaxPagesInFlight { get; set; } = 4;

    /// <summary>Hard cap per pull; the cursor lets the next pull continue where this one stopped.</summary>
    public int MaxPages { get; set; } = 100_000;

    /// <summary>Retries after the first attempt for 408/429/5xx and network errors (GET only).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off step (exponential with jitter); a <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time-out of one call including all its retries and waits.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(3);

    internal bool IsValid() =>
        PageSize is >= 1 and <= 100 && MaxPagesInFlight is >= 1 and <= 16 && MaxPages >= 1 && MaxRetries is >= 1 and <= 10
        && RetryBaseDelay >= TimeSpan.Zero && AttemptTimeout > TimeSpan.Zero && TotalRequestTimeout > AttemptTimeout;
}
