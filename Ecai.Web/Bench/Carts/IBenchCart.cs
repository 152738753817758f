using Ecai.Domain.Carts;

namespace Ecai.Web.Bench.Carts;

/// <summary>
/// One cart in the benchmark (<c>bench --cart &lt;name&gt;</c>): starts its sandbox on a loopback port with
/// a deterministic shop of the given size, says how to connect to it and which members link.
/// </summary>
internal interface IBenchCart
{
    /// <summary>The name after <c>--cart</c>.</summary>
    string Name { get; }

    CartKind Kind { get; }

    /// <param name="throttled">The sandbox enforces the cart's real request limit (else unthrottled).</param>
    Task<BenchSandbox> StartAsync(int seed, int customers, int orders, bool throttled);
}

/// <summary>A running sandbox for one bench shop.</summary>
internal abstract class BenchSandbox : IAsyncDisposable
{
    /// <summary>How the bench connects a bot to this sandbox.</summary>
    public abstract ConnectRequest ConnectRequest { get; }

    /// <summary>The request rate the sandbox allows when throttled (null: unthrottled).</summary>
    public abstract double? AllowedRps { get; }

    /// <summary>API requests the sandbox has answered so far (for used_rps).</summary>
    public abstract long Requests { get; }

    /// <summary>A member's link key (phone, or e-mail for Shopify) matching the customer at <paramref name="index"/>.</summary>
    public abstract string? CustomerKey(int index);

    /// <summary>
    /// Connector settings for this run (configuration keys, e.g. turning a client-side rate limit off when the
    /// sandbox is unthrottled). Environment variables still win. Default: none.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>After connecting: whatever the cart needs before a pull (e.g. OAuth approval). Default: nothing.</summary>
    public virtual Task AuthorizeAsync(IServiceProvider services, int connectionId) => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();
}
