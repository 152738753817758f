using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>
/// Tuning for the Shopify connector (configuration section <c>Carts:Shopify</c>).
/// Defaults suit a Standard-plan shop; tests shorten the delays so retries take milliseconds.
/// </summary>
public sealed class ShopifyOptions : ICartRetryOptions
{
    public const string Section = "Carts:Shopify";

    /// <summary>Admin API version in the path, <c>YYYY-MM</c> [C].</summary>
    public string ApiVersion { get; set; } = "2025-01";

    /// <summary>Rows per page; REST caps <c>limit</c> at 250 [C].</summary>
    public int PageSize { get; set; } = 250;

    /// <summary>Hard cap per pull; the cursor lets the next pull continue where this one stopped.</summary>
    public int MaxPages { get; set; } = 100_000;

    /// <summary>Leaky bucket leak rate, requests per second (Standard 2, Advanced 4, Plus 20) [C].</summary>
    public double LeakRatePerSecond { get; set; } = 2;

    /// <summary>Bucket size when the shop has not told us yet (the call-limit header's denominator wins) [C3].</summary>
    public int BucketSize { get; set; } = 40;

    /// <summary>Slots kept free in the bucket, so a clock skew never tips a request into a 429.</summary>
    public int BucketMargin { get; set; } = 1;

    /// <summary>Retries after the first attempt for 408/429/5xx and network errors (GET only).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off step (exponential with jitter); a <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time-out of one call including all its retries and waits (and the bucket's pacing).</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(3);

    internal bool IsValid() =>
        System.Text.RegularExpressions.Regex.IsMatch(ApiVersion ?? "", @"^\d{4}-\d{2}$")
        && PageSize is >= 1 and <= 250 && MaxPages >= 1
        && LeakRatePerSecond > 0 && BucketSize >= 2 && BucketMargin >= 0 && BucketMargin < BucketSize
        && MaxRetries is >= 1 and <= 10 && RetryBaseDelay >= TimeSpan.Zero && AttemptTimeout > TimeSpan.Zero
        && TotalRequestTimeout > AttemptTimeout;
}
