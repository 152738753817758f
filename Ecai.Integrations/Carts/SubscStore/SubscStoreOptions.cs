using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.SubscStore;

/// <summary>
/// Tuning for the サブスクストア connector (configuration section <c>Carts:SubscStore</c>).
/// Page size: 100 rows, the most the modelled API accepts (<c>perPage</c> ≤ 100 [I]). Temona publishes
/// no rate limit, so <see cref="CartHttpOptions.RequestsPerSecond"/> stays unset and 429 + Retry-After is honoured.
/// </summary>
public sealed class SubscStoreOptions : CartHttpOptions
{
    public const string Section = "Carts:SubscStore";

    /// <summary>The modelled API's cap on <c>perPage</c> [I].</summary>
    public const int MaxPerPage = 100;

    public SubscStoreOptions() => PageSize = MaxPerPage;

    protected override int MaxPageSize => MaxPerPage;
}
