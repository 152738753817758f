using System.Runtime.CompilerServices;
using Ecai.Domain.Carts;

namespace Ecai.Tests.Support;

/// <summary>
/// An in-memory cart for domain tests: records sorted by UpdatedAt, served in pages from a cursor
/// (the ISO instant of the last record served). It can fail after N pages to simulate a crash.
/// </summary>
public sealed class ScriptedCartClientFactory : ICartClientFactory, ICartAuthorizer
{
    public List<CartCheckoutRecord> Checkouts { get; } = [];
    /// <summary>Codes the fake approval screen issued; <see cref="ExchangeCodeAsync"/> accepts only these.</summary>
    public HashSet<string> IssuedCodes { get; } = [];

    public List<CartCustomerRecord> Customers { get; } = [];
    public List<CartOrderRecord> Orders { get; } = [];
    public List<CartSubscriptionRecord> Subscriptions { get; } = [];
    public int PageSize { get; set; } = 3;
    /// <summary>Throw after this many order pages have been handed out (then reset).</summary>
    public int? FailAfterOrderPages { get; set; }
    public Exception? FailWith { get; set; }
    public List<string?> OrderCursorsSeen { get; } = [];
    public List<SkippedRecord> SkipOnFirstOrderPage { get; } = [];
    /// <summary>After the last order page, one empty page carrying this cursor (a cart that searched an empty window).</summary>
    public string? TrailingOrderCursor { get; set; }

    /// <summary>What <see cref="ICartClient.CheckAsync"/> throws (null: the check passes).</summary>
    public Exception? CheckFailure { get; set; }
    public List<CartEndpoint> Endpoints { get; } = [];

    public bool Supports(CartKind kind) => true;

    public ICartClient Create(CartEndpoint endpoint)
    {
        lock (Endpoints) Endpoints.Add(endpoint);
        return new Client(this);
    }

    public string? CustomerPageUrl(string cartDomain, string customerExternalId) => $"https://{cartDomain}/customers/{customerExternalId}";

    public Uri AuthorizeUrl(CartEndpoint endpoint, string state, string redirectUri) =>
        new($"https://{endpoint.CartDomain}/oauth/authorize?state={Uri.EscapeDataString(state)}&redirect_uri={Uri.EscapeDataString(redirectUri)}");

    public Task<CartToken> ExchangeCodeAsync(CartEndpoint endpoint, string code, string redirectUri, CancellationToken ct) =>
        IssuedCodes.Remove(code)
            ? Task.FromResult(new CartToken("access-" + code, "refresh-" + code, DateTimeOffset.UtcNow.AddHours(1)))
            : Task.FromException<CartToken>(new CartConnectionException("認可コードが無効です。"));

    private sealed class Client(ScriptedCartClientFactory cart) : ICartClient, ICheckoutSource
    {
        public IAsyncEnumerable<CartPage<CartCheckoutRecord>> CheckoutsSinceAsync(string? cursor, CancellationToken ct) =>
            Pages(cart.Checkouts, c => c.UpdatedAt, cursor, null, ct);

        public Task CheckAsync(CancellationToken ct) => cart.CheckFailure is { } failure ? Task.FromException(failure) : Task.CompletedTask;

        public IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct) =>
            Pages(cart.Customers, c => c.UpdatedAt, cursor, null, ct);

        public IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, CancellationToken ct) =>
            Pages(cart.Subscriptions, s => s.UpdatedAt, cursor, null, ct);

        public IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, CancellationToken ct)
        {
            cart.OrderCursorsSeen.Add(cursor);
            if (cart.FailWith is { } error && cart.FailAfterOrderPages is null) throw error;
            return Pages(cart.Orders, o => o.UpdatedAt, cursor, cart.FailAfterOrderPages, ct);
        }

        private async IAsyncEnumerable<CartPage<T>> Pages<T>(List<T> all, Func<T, DateTimeOffset> updated, string? cursor,
            int? failAfter, [EnumeratorCancellation] CancellationToken ct)
        {
            var since = cursor is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(cursor);
            var rows = all.Where(r => updated(r) >= since).OrderBy(updated).ToList();
            var served = 0;
            for (var i = 0; i < rows.Count; i += cart.PageSize)
            {
                ct.ThrowIfCancellationRequested();
                if (failAfter is { } limit && served == limit)
                {
                    cart.FailAfterOrderPages = null;
                    throw cart.FailWith ?? new IOException("connection reset (simulated crash)");
                }
                var page = rows.Skip(i).Take(cart.PageSize).ToList();
                var skipped = typeof(T) == typeof(CartOrderRecord) && i == 0 ? cart.SkipOnFirstOrderPage.ToList() : [];
                served++;
                await Task.Yield();
                yield return new CartPage<T>(page, skipped, updated(page[^1]).ToString("O"));
            }
            if (typeof(T) == typeof(CartOrderRecord) && cart.TrailingOrderCursor is { } trailing) yield return new CartPage<T>([], [], trailing);
        }
    }
}
