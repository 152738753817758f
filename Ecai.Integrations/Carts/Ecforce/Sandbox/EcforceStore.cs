using System.Collections.Concurrent;
using System.Security.Cryptography;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>
/// A deterministic ecforce shop for tests, the demo and benchmarks. Customer, order and subscription
/// i are pure functions of (seed, i), generated when a page asks for them, so a million orders cost
/// no memory. About 15% of customers never order; phones come in the formats real shops hold.
/// Changes made after start-up (<see cref="AddOrder"/>, <see cref="TouchCustomer"/>, …) get an
/// updated_at later than everything generated, like edits in a live shop. Thread-safe.
/// Indexes are 0-based; the ecforce id of index i is i + 1.
/// </summary>
public sealed partial class EcforceStore
{
    private const int SignInsPerHour = 5;

    private readonly EcforceStoreOptions _options;
    private readonly Vocabulary _vocabulary;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly TimeSpan _span;
    private readonly int[] _orderingCustomers;
    private readonly int[] _subscriberCustomers;
    private readonly SandboxTable<CustomerRow> _customers;
    private readonly SandboxTable<OrderRow> _orders;
    private readonly SandboxTable<SubOrderRow> _subscriptions;
    private readonly ConcurrentDictionary<long, bool> _customersWithAddedOrders = new();
    private readonly Lock _changeLock = new();
    private DateTimeOffset _lastChange;

    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _signInAttempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _signInLock = new();
    private int _signIns;

    public EcforceStore(EcforceStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Customers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Orders);
        if (options.Orders > 0 && options.Customers == 0) throw new ArgumentException("Orders need at least one customer.", nameof(options));
        _options = options;
        _vocabulary = Vocabulary.From(options.Seed);
        _start = options.Start.AddTicks(-(options.Start.Ticks % TimeSpan.TicksPerSecond));
        _span = options.Span > TimeSpan.Zero ? options.Span : TimeSpan.FromDays(1);
        _end = _start + _span;
        _lastChange = _end;
        (_orderingCustomers, _subscriberCustomers) = ChooseBuyers(options);
        _customers = new(options.Customers, i => GeneratedTime(i, options.Customers), GenerateCustomer);
        _orders = new(options.Orders, i => GeneratedTime(i, options.Orders), GenerateOrder);
        _subscriptions = new(_subscriberCustomers.Length, i => GeneratedTime(i, _subscriberCustomers.Length), GenerateSubscription);
    }

    /// <summary>Switches that make the sandbox misbehave, and what it observed.</summary>
    public EcforceFaults Faults { get; } = new();

    public int CustomerCount => _customers.Count;
    public int OrderCount => _orders.Count;
    public int SubscriptionCount => _subscriptions.Count;

    /// <summary>Successful sign-ins so far (each one issues a new token).</summary>
    public int SignInCount => Volatile.Read(ref _signIns);

    /// <summary>updated_at of the newest generated record; later changes are newer still.</summary>
    public DateTimeOffset GeneratedUntil => _end;

    /// <summary>The phone of customer i as the customer wrote it (formats vary), null if none.</summary>
    public string? CustomerPhone(int index) => CustomerAt(index).Phone;

    /// <summary>ecforce's own id of customer i ("1", "2", …).</summary>
    public static string CustomerId(int index) => (index + 1L).ToString();

    public bool CustomerHasOrders(int index)
    {
        CustomerAt(index);
        return Array.BinarySearch(_orderingCustomers, index) >= 0 || _customersWithAddedOrders.ContainsKey(index + 1L);
    }

    /// <summary>A new customer; returns its index. The phone is split on '-' into tel01/02/03.</summary>
    public int AddCustomer(string familyName, string givenName, string? phone, string? email = null)
    {
        var parts = (phone ?? "").Split('-', 3);
        string? Part(int k) => k < parts.Length ? parts[k] : "";
        lock (_changeLock)
        {
            var id = _customers.Count + 1L;
            var now = NextChangeTime();
            _customers.Put(new CustomerRow(id, $"{id:x10}", email, null, null, familyName, givenName, "100-0001", "東京都", "千代田区", "1-1-1",
                string.IsNullOrWhiteSpace(phone) ? null : phone, Part(0), Part(1), Part(2), now, now));
            return (int)(id - 1);
        }
    }

    /// <summary>A new order of one catalogue product for customer i; returns the order's index.</summary>
    public int AddOrder(int customerIndex, string productCode, int quantity = 1)
    {
        CustomerAt(customerIndex);
        var product = EcforceProduct.ByCode(productCode);
        var subscription = Array.BinarySearch(_subscriberCustomers, customerIndex);
        lock (_changeLock)
        {
            var id = _orders.Count + 1L;
            var now = NextChangeTime();
            long? subsOrderId = product.IsSubscription && subscription >= 0 ? subscription + 1 : null;
            _orders.Put(new OrderRow(id, $"{id:x10}", customerIndex + 1L, subsOrderId, subsOrderId is null ? null : 1,
                [new ItemRow(id * ItemIdsPerOrder, product, quantity)], 0, now, JstMidnight(now, 2), null, null, now));
            _customersWithAddedOrders[customerIndex + 1L] = true;
            return (int)(id - 1);
        }
    }

    /// <summary>Customer i changes (and gets a new updated_at); null arguments keep the current value.</summary>
    public void TouchCustomer(int index, string? email = null, string? lineUserId = null)
    {
        lock (_changeLock)
        {
            var row = CustomerAt(index);
            _customers.Put(row with { Email = email ?? row.Email, LineId = lineUserId ?? row.LineId, UpdatedAt = NextChangeTime() });
        }
    }

    /// <summary>Order i changes, e.g. it ships (発送日).</summary>
    public void TouchOrder(int index, DateTimeOffset? shippedAt = null)
    {
        lock (_changeLock)
        {
            var row = _orders.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index));
            _orders.Put(row with { ShippedAt = shippedAt ?? row.ShippedAt, ShippingSlip = row.ShippingSlip ?? $"{row.Id:D12}", UpdatedAt = NextChangeTime() });
        }
    }

    /// <summary>Order i is cancelled in the shop (state canceled, payment voided): a later updated_at, as a live edit.</summary>
    public void CancelOrder(int index)
    {
        lock (_changeLock)
        {
            var row = _orders.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index));
            _orders.Put(row with { Cancelled = true, UpdatedAt = NextChangeTime() });
        }
    }

    /// <summary>Subscription i changes state (active, suspend or canceled).</summary>
    public void TouchSubscription(int index, string? state = null)
    {
        lock (_changeLock)
        {
            var row = _subscriptions.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index));
            var now = NextChangeTime();
            var newState = state ?? row.State;
            _subscriptions.Put(row with
            {
                State = newState,
                NextShipAt = newState == "active" ? row.NextShipAt ?? JstMidnight(now, 7) : null,
                SuspendedAt = newState == "suspend" ? now : row.SuspendedAt,
                CanceledAt = newState == "canceled" ? now : row.CanceledAt,
                UpdatedAt = now,
            });
        }
    }

    /// <summary>A static API token, like one created under メンバー管理 > API 認証トークン [C].</summary>
    public string IssueToken()
    {
        var token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _tokens[token] = true;
        return token;
    }

    /// <summary>Every token issued so far stops working (a password change, a revoked API user).</summary>
    public void RevokeAllTokens() => _tokens.Clear();

    internal SandboxTable<CustomerRow> Customers => _customers;
    internal SandboxTable<OrderRow> Orders => _orders;
    internal SandboxTable<SubOrderRow> Subscriptions => _subscriptions;

    internal bool IsValidToken(string? token) => token is not null && !Faults.RejectAllTokens && _tokens.ContainsKey(token);

    internal enum SignInResult { Ok, Invalid, RateLimited }

    /// <summary>
    /// Checks the admin e-mail/password; at most 5 attempts per e-mail per hour [C3]. When refused for the limit,
    /// <paramref name="retryAfter"/> is how long until the oldest attempt leaves the hour.
    /// </summary>
    internal SignInResult SignIn(string? email, string? password, out string? token, out TimeSpan retryAfter)
    {
        token = null;
        retryAfter = TimeSpan.Zero;
        var key = email?.Trim() ?? "";
        lock (_signInLock)
        {
            var now = _options.Clock.GetUtcNow();
            if (Faults.SignInRateLimited)
            {
                retryAfter = TimeSpan.FromHours(1);
                return SignInResult.RateLimited;
            }
            if (!_signInAttempts.TryGetValue(key, out var attempts)) _signInAttempts[key] = attempts = new Queue<DateTimeOffset>();
            while (attempts.Count > 0 && attempts.Peek() <= now.AddHours(-1)) attempts.Dequeue();
            if (attempts.Count >= SignInsPerHour)
            {
                retryAfter = attempts.Peek().AddHours(1) - now;
                return SignInResult.RateLimited;
            }
            attempts.Enqueue(now);
        }
        if (Faults.RefuseSignIns || !string.Equals(key, _options.AdminEmail, StringComparison.OrdinalIgnoreCase) || password != _options.AdminPassword)
            return SignInResult.Invalid;
        token = IssueToken();
        Interlocked.Increment(ref _signIns);
        return SignInResult.Ok;
    }

    private CustomerRow CustomerAt(int index) =>
        _customers.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index), index, "No such customer.");

    /// <summary>
    /// Strictly increasing whole seconds, never earlier than the generated data or the clock.
    /// Callers hold <see cref="_changeLock"/>.
    /// </summary>
    private DateTimeOffset NextChangeTime()
    {
        var now = _options.Clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var next = _lastChange.AddSeconds(1);
        _lastChange = now > next ? now : next;
        return _lastChange;
    }
}
