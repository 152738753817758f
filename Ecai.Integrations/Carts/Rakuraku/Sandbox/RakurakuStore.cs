using System.Collections.Concurrent;
using System.Security.Cryptography;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Rakuraku.Sandbox;

/// <summary>
/// A deterministic 楽楽リピート shop for tests, the demo and benchmarks: orders (the only thing the API serves) with
/// their buyers and 定期 state, plus the OAuth app (client id/secret, codes, access and refresh tokens).
/// Order i is a pure function of (seed, i), generated when a page asks for it; changes after start-up
/// (<see cref="AddOrder"/>, <see cref="TouchOrder"/>, …) get an updated_at later than everything generated.
/// About 10% of customers never order. Indexes are 0-based; customer index i has customer_id i + 1.
/// Reuses the ecforce sandbox's index-keyed random stream and updated_at-ordered table. Thread-safe.
/// </summary>
public sealed partial class RakurakuStore
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10); // [I]

    private readonly RakurakuStoreOptions _options;
    private readonly Vocabulary _vocabulary;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly TimeSpan _span;
    private readonly int[] _orderingCustomers;
    private readonly int[] _subscriberCustomers;
    private readonly SandboxTable<RakurakuOrderRow> _orders;
    private readonly ConcurrentDictionary<int, RakurakuCustomerRow> _changedCustomers = new();
    private readonly ConcurrentDictionary<int, bool> _customersWithAddedOrders = new();
    private readonly Lock _changeLock = new();
    private DateTimeOffset _lastChange;
    private int _customerCount;

    private readonly ConcurrentDictionary<string, (string RedirectUri, DateTimeOffset Expires)> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private int _codeExchanges, _refreshes;

    public RakurakuStore(RakurakuStoreOptions options)
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
        _customerCount = options.Customers;
        (_orderingCustomers, _subscriberCustomers) = ChooseBuyers(options);
        _orders = new(options.Orders, i => GeneratedTime(i, options.Orders), GenerateOrder);
    }

    public RakurakuStoreOptions Options => _options;

    /// <summary>Switches that make the sandbox misbehave (and the 1 rps throttle), and what it observed.</summary>
    public RakurakuFaults Faults { get; } = new();

    public int CustomerCount => Volatile.Read(ref _customerCount);
    public int OrderCount => _orders.Count;

    /// <summary>updated_at of the newest generated order; later changes are newer still.</summary>
    public DateTimeOffset GeneratedUntil => _end;

    /// <summary>The phone of customer i as the shop holds it (formats vary), null if none.</summary>
    public string? CustomerPhone(int index) => CustomerAt(index).Phone;

    public DateOnly? CustomerBirthday(int index) => CustomerAt(index).Birthday;

    /// <summary>楽楽リピート's customer id of customer i ("1", "2", …).</summary>
    public static string CustomerId(int index) => (index + 1L).ToString();

    public bool CustomerHasOrders(int index)
    {
        CustomerAt(index);
        return Array.BinarySearch(_orderingCustomers, index) >= 0 || _customersWithAddedOrders.ContainsKey(index);
    }

    /// <summary>Customers with at least one subscription order may carry this 定期 id (1-based subscriber rank).</summary>
    public long? RegularIdOf(int customerIndex)
    {
        var rank = Array.BinarySearch(_subscriberCustomers, customerIndex);
        return rank >= 0 ? rank + 1 : null;
    }

    /// <summary>A new customer (who has no orders until <see cref="AddOrder"/>); returns its index.</summary>
    public int AddCustomer(string name, string? phone, string? mail = null, DateOnly? birthday = null)
    {
        lock (_changeLock)
        {
            var index = _customerCount;
            _changedCustomers[index] = new RakurakuCustomerRow(index + 1L, name, phone, mail, birthday);
            Volatile.Write(ref _customerCount, index + 1);
            return index;
        }
    }

    /// <summary>
    /// A new order of one catalogue product for customer i; returns the order's index. A 定期 product gives
    /// the customer's 定期 (a new one if it had none) with <paramref name="regularStatus"/>.
    /// </summary>
    public int AddOrder(int customerIndex, string productCode, int quantity = 1, string regularStatus = RakurakuStatus.Continuing)
    {
        CustomerAt(customerIndex);
        var product = RakurakuProduct.ByCode(productCode);
        lock (_changeLock)
        {
            var id = _orders.Count + 1L;
            var now = NextChangeTime();
            long? regularId = product.IsSubscription ? RegularIdOf(customerIndex) ?? 1_000_000L + customerIndex : null;
            _orders.Put(new RakurakuOrderRow(id, OrderNumber(id), customerIndex, regularId, regularId is null ? null : 1,
                regularId is null ? null : regularStatus, [new RakurakuItemRow(product, quantity)], 0, "新規受付", now, null, now));
            _customersWithAddedOrders[customerIndex] = true;
            return (int)(id - 1);
        }
    }

    /// <summary>Order i changes (new updated_at): it ships, is cancelled, or its 定期 changes state.</summary>
    public void TouchOrder(int index, DateTimeOffset? shippedAt = null, string? status = null, string? regularStatus = null)
    {
        lock (_changeLock)
        {
            var row = FindOrder(index) ?? throw new ArgumentOutOfRangeException(nameof(index));
            _orders.Put(row with
            {
                ShippedAt = shippedAt ?? row.ShippedAt,
                Status = status ?? (shippedAt is not null ? "発送済み" : row.Status),
                RegularStatus = row.RegularId is null ? null : regularStatus ?? row.RegularStatus,
                UpdatedAt = NextChangeTime(),
            });
        }
    }

    /// <summary>Customer i's details change; they show on orders served from now on (null keeps a value).</summary>
    public void TouchCustomer(int index, string? phone = null, string? mail = null)
    {
        lock (_changeLock)
        {
            var row = CustomerAt(index);
            _changedCustomers[index] = row with { Phone = phone ?? row.Phone, Mail = mail ?? row.Mail };
        }
    }

    internal SandboxTable<RakurakuOrderRow> Orders => _orders;

    internal RakurakuOrderRow? FindOrder(int index) => _orders.Find(index + 1L);

    internal RakurakuCustomerRow CustomerAt(int index)
    {
        if (index < 0 || index >= CustomerCount) throw new ArgumentOutOfRangeException(nameof(index), index, "No such customer.");
        return _changedCustomers.TryGetValue(index, out var changed) ? changed : GenerateCustomer(index);
    }

    // ---- OAuth (the app registered under 基本設定 > 外部アプリ連携) ----

    /// <summary>Successful code exchanges and refreshes so far.</summary>
    public int CodeExchanges => Volatile.Read(ref _codeExchanges);
    public int Refreshes => Volatile.Read(ref _refreshes);

    public bool IsKnownClient(string? clientId) => string.Equals(clientId?.Trim(), _options.ClientId, StringComparison.Ordinal);

    public bool AcceptsRedirect(string? redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && (_options.RedirectUris.Count == 0 || _options.RedirectUris.Contains(redirectUri!, StringComparer.Ordinal));

    /// <summary>The shop owner presses 許可する: a single-use code bound to the redirect URL (valid 10 minutes [I]).</summary>
    public string Approve(string redirectUri)
    {
        var code = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _codes[code] = (redirectUri, _options.Clock.GetUtcNow() + CodeLifetime);
        return code;
    }

    internal bool IsClient(string? clientId, string? clientSecret) =>
        IsKnownClient(clientId) && string.Equals(clientSecret, _options.ClientSecret, StringComparison.Ordinal);

    /// <summary>authorization_code grant: null when the code is unknown, used, expired or for another redirect URL.</summary>
    internal (string Access, string Refresh, TimeSpan Lifetime)? ExchangeCode(string? code, string? redirectUri)
    {
        if (code is null || !_codes.TryRemove(code, out var issued)) return null;
        if (issued.Expires < _options.Clock.GetUtcNow() || !string.Equals(issued.RedirectUri, redirectUri, StringComparison.Ordinal)) return null;
        Interlocked.Increment(ref _codeExchanges);
        return IssueTokens();
    }

    /// <summary>refresh_token grant; the refresh token rotates [I] (the old one stops working).</summary>
    internal (string Access, string Refresh, TimeSpan Lifetime)? Refresh(string? refreshToken)
    {
        if (refreshToken is null || !_refreshTokens.TryRemove(refreshToken, out _)) return null;
        Interlocked.Increment(ref _refreshes);
        return IssueTokens();
    }

    /// <summary>Tokens as after an approval, without the browser round trip (tests, bench).</summary>
    public (string Access, string Refresh, TimeSpan Lifetime) IssueTokens()
    {
        var access = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var refresh = RandomNumberGenerator.GetHexString(40, lowercase: true);
        _accessTokens[access] = _options.Clock.GetUtcNow() + _options.AccessTokenLifetime;
        _refreshTokens[refresh] = true;
        return (access, refresh, _options.AccessTokenLifetime);
    }

    /// <summary>Every access token expires now (refresh tokens still work).</summary>
    public void ExpireAccessTokens()
    {
        foreach (var token in _accessTokens.Keys) _accessTokens[token] = DateTimeOffset.MinValue;
    }

    /// <summary>The shop withdrew the approval: every access and refresh token stops working.</summary>
    public void RevokeAll()
    {
        _accessTokens.Clear();
        _refreshTokens.Clear();
    }

    internal bool IsValidAccessToken(string? token) =>
        token is not null && !Faults.RejectAllTokens && _accessTokens.TryGetValue(token, out var expires) && expires > _options.Clock.GetUtcNow();

    /// <summary>Strictly increasing whole seconds, never earlier than the generated data or the clock. Callers hold the lock.</summary>
    private DateTimeOffset NextChangeTime()
    {
        var now = _options.Clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var next = _lastChange.AddSeconds(1);
        _lastChange = now > next ? now : next;
        return _lastChange;
    }
}
