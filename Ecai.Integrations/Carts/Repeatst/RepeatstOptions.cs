using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Repeatst;

/// <summary>
/// Tuning for the リピスト connector (configuration section <c>Carts:Repeatst</c>).
/// Page size: 200 rows, the most the modelled API accepts (<c>limit</c> ≤ 200 [I]); fewer round trips
/// matter more than page weight here (a 200-order page is ~100 KB). リピスト publishes no rate limit, so
/// <see cref="CartHttpOptions.RequestsPerSecond"/> stays unset and 429 + Retry-After is honoured instead.
/// </summary>
public sealed class RepeatstOptions : CartHttpOptions
{
    public const string Section = "Carts:Repeatst";

    /// <summary>The modelled API's cap on <c>limit</c> [I].</summary>
    public const int MaxLimit = 200;

    public RepeatstOptions() => PageSize = MaxLimit;

    protected override int MaxPageSize => MaxLimit;
}
