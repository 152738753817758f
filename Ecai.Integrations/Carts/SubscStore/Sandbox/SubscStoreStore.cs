using System.Collections.Concurrent;
using System.Security.Cryptography;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.SubscStore.Sandbox;

/// <summary>
/// A deterministic サブスクストア shop for tests, the demo and benchmarks. Customer, order and
/// subscription i are pure functions of (seed, i), generated when a page asks for them. About 10% of
/// customers never order; phones come in mixed formats (optionally shared with another cart). Issues
/// access tokens for the application ID + secret key; changes after start-up (<see cref="AddOrder"/>,
/// <see cref="TouchCustomer"/>, …) are newer than everything generated. Thread-safe.
/// Indexes are 0-based; the サブスクストア id of index i is i + 1.
/// </summary>
public sealed class SubscStoreStore
{
    private const int CustomerStream = 21, OrderStream = 22, SubscriptionStream = 23, PhoneSalt = 2;

    /// <summary>The three words サブスクストア shows for a subscription (docs/carts/subscstore.md, "What ECAI models").</summary>
    public static readonly IReadOnlyList<string> StatusWords = ["継続", "停止", "終了"];

    private readonly SubscStoreStoreOptions _options;
    private readonly SandboxTimeline _time;
    private readonly int[] _ordering, _subscribers;
    private readonly SandboxTable<SubscStoreCustomerRow> _customers;
    private readonly SandboxTable<SubscStoreOrderRow> _orders;
    private readonly SandboxTable<SubscStoreSubscriptionRow> _subscriptions;
    private readonly HashSet<long> _customersWithAddedOrders = [];
    private readonly Lock _changeLock = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private int _tokenExchanges;

    public SubscStoreStore(SubscStoreStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Customers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Orders);
        if (options.Orders > 0 && options.Customers == 0) throw new ArgumentException("Orders need at least one customer.", nameof(options));
        _options = options;
        _time = new SandboxTimeline(options.Seed, options.Start, options.Span, options.Clock);
        (_ordering, _subscribers) = SandboxTimeline.ChooseBuyers(options.Seed, CustomerStream, options.Customers, options.Orders, 90, options.SubscriberPercent);
        _customers = new(options.Customers, i => _time.GeneratedTime(i, options.Customers), GenerateCustomer);
        _orders = new(options.Orders, i => _time.GeneratedTime(i, options.Orders), GenerateOrder);
        _subscriptions = new(_subscribers.Length, i => _time.GeneratedTime(i, _subscribers.Length), GenerateSubscription);
        Faults.TokensExpired += () => _tokens.Clear();
    }

    public SubscStoreFaults Faults { get; } = new();

    public int CustomerCount => _customers.Count;
    public int OrderCount => _orders.Count;
    public int SubscriptionCount => _subscriptions.Count;

    /// <summary>Successful token exchanges so far.</summary>
    public int TokenExchanges => Volatile.Read(ref _tokenExchanges);

    public DateTimeOffset GeneratedUntil => _time.End;

    /// <summary>The phone of customer i as the customer typed it (formats vary), null if none.</summary>
    public string? CustomerPhone(int index) => CustomerAt(index).Tel;

    /// <summary>サブスクストア's id of customer i ("1", "2", …).</summary>
    public static string CustomerId(int index) => (index + 1L).ToString();

    public bool CustomerHasOrders(int index)
    {
        CustomerAt(index);
        lock (_changeLock) return Array.BinarySearch(_ordering, index) >= 0 || _customersWithAddedOrders.Contains(index + 1L);
    }

    /// <summary>A new order for customer i of a product by 商品コード or 定期商品コード; returns its index.</summary>
    public int AddOrder(int customerIndex, string code, int quantity = 1)
    {
        CustomerAt(customerIndex);
        var product = SubscStoreProduct.ByCode(code);
        var subscription = Array.BinarySearch(_subscribers, customerIndex);
        lock (_changeLock)
        {
            var id = _orders.Count + 1L;
            var now = _time.NextChangeTime();
            long? subscriptionId = product.IsSubscription && subscription >= 0 ? subscription + 1 : null;
            int? count = subscriptionId is { } s ? (_subscriptions.Find(s)?.PurchaseCount ?? 0) + 1 : null;
            _orders.Put(new SubscStoreOrderRow(id, customerIndex + 1L, now, subscriptionId, count, false,
                [new SubscStoreLineRow(product, quantity)], 0, null, now));
            _customersWithAddedOrders.Add(customerIndex + 1L);
            return (int)(id - 1);
        }
    }

    /// <summary>Customer i changes; null arguments keep the current value.</summary>
    public void TouchCustomer(int index, string? tel = null, DateOnly? birthDate = null)
    {
        lock (_changeLock)
        {
            var row = CustomerAt(index);
            _customers.Put(row with { Tel = tel ?? row.Tel, BirthDate = birthDate ?? row.BirthDate, UpdatedAt = _time.NextChangeTime() });
        }
    }

    /// <summary>Subscription i changes status: 継続, 停止 or 終了.</summary>
    public void TouchSubscription(int index, string status)
    {
        if (!StatusWords.Contains(status)) throw new ArgumentException($"Unknown status '{status}'.", nameof(status));
        lock (_changeLock)
        {
            var row = _subscriptions.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index));
            var now = _time.NextChangeTime();
            _subscriptions.Put(row with
            {
                Status = status,
                NextDeliveryDate = status == "継続" ? row.NextDeliveryDate ?? SandboxTimeline.JstDate(now, 7) : null,
                UpdatedAt = now,
            });
        }
    }

    internal SandboxTable<SubscStoreCustomerRow> Customers => _customers;
    internal SandboxTable<SubscStoreOrderRow> Orders => _orders;
    internal SandboxTable<SubscStoreSubscriptionRow> Subscriptions => _subscriptions;

    /// <summary>The token exchange: a new token valid for <see cref="SubscStoreStoreOptions.TokenLifetime"/>, or null.</summary>
    internal (string Token, int ExpiresIn)? IssueToken(string? applicationId, string? secretKey)
    {
        if (applicationId != _options.ApplicationId || secretKey != _options.SecretKey) return null;
        var token = RandomNumberGenerator.GetHexString(40, lowercase: true);
        _tokens[token] = _options.Clock.GetUtcNow() + _options.TokenLifetime;
        Interlocked.Increment(ref _tokenExchanges);
        return (token, (int)_options.TokenLifetime.TotalSeconds);
    }

    internal bool IsValidToken(string? token) =>
        !Faults.RejectAllTokens && token is not null && _tokens.TryGetValue(token, out var expires) && expires > _options.Clock.GetUtcNow();

    private SubscStoreCustomerRow CustomerAt(int index) =>
        _customers.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index), index, "No such customer.");

    // ---- generation: every method below is a pure function of (seed, i) -----------------------

    private SubscStoreCustomerRow GenerateCustomer(int index)
    {
        var r = new IndexRandom(_options.Seed, CustomerStream, index);
        var id = index + 1L;
        var tel = SandboxPhones.Generate(index, PhoneSalt, ref r, _options.SharedPhone, _options.SharedPhoneShare);
        DateOnly? birthDate = r.Chance(70) ? new DateOnly(r.Next(1950, 2007), r.Next(1, 13), r.Next(1, 29)) : null;
        return new SubscStoreCustomerRow(id, r.Pick(_time.FamilyNames), r.Pick(_time.GivenNames), tel,
            r.Chance(92) ? $"member{id}@example.com" : null, birthDate, _time.GeneratedTime(index, _customers.GeneratedCount));
    }

    private SubscStoreOrderRow GenerateOrder(int index)
    {
        var r = new IndexRandom(_options.Seed, OrderStream, index);
        var id = index + 1L;
        var updatedAt = _time.GeneratedTime(index, _orders.GeneratedCount);
        var customer = index < _ordering.Length ? _ordering[index] : _ordering[r.Next(_ordering.Length)];
        var subscription = Array.BinarySearch(_subscribers, customer);

        SubscStoreLineRow[] lines;
        long? subscriptionId = null;
        int? count = null;
        if (subscription >= 0 && r.Chance(70))
        {
            subscriptionId = subscription + 1;
            count = r.Next(1, 25);
            lines = [new SubscStoreLineRow(SubscribedProduct(subscription), 1)];
        }
        else
        {
            lines = new SubscStoreLineRow[r.Next(1, 3)];
            for (var k = 0; k < lines.Length; k++) lines[k] = new SubscStoreLineRow(r.Pick(SubscStoreProduct.OneTime), r.Next(1, 4));
        }
        var orderedAt = updatedAt - TimeSpan.FromSeconds(r.Next(0, 4 * 24 * 3600));
        DateTimeOffset? shippedAt = orderedAt < _time.End.AddDays(-3) && r.Chance(85) ? orderedAt.AddHours(r.Next(12, 72)) : null;
        return new SubscStoreOrderRow(id, customer + 1L, orderedAt, subscriptionId, count, r.Chance(2), lines, r.Chance(50) ? 0 : 550, shippedAt, updatedAt);
    }

    private SubscStoreSubscriptionRow GenerateSubscription(int index)
    {
        var r = new IndexRandom(_options.Seed, SubscriptionStream, index);
        var roll = r.Next(100);
        var status = StatusWords[roll < 60 ? 0 : roll < 80 ? 1 : 2];
        return new SubscStoreSubscriptionRow(index + 1L, _subscribers[index] + 1L, status, SubscribedProduct(index),
            status == "継続" ? SandboxTimeline.JstDate(_time.End, r.Next(1, 31)) : null, r.Next(1, 25),
            _time.GeneratedTime(index, _subscriptions.GeneratedCount));
    }

    private SubscStoreProduct SubscribedProduct(int subscriptionIndex) =>
        new IndexRandom(_options.Seed, SubscriptionStream + 300, subscriptionIndex).Pick(SubscStoreProduct.Subscriptions);
}
