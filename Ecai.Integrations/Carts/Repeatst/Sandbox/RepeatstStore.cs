using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Repeatst.Sandbox;

/// <summary>
/// A deterministic リピスト shop for tests, the demo and benchmarks. Customer, order and 定期 i are pure
/// functions of (seed, i), generated when a page asks for them, so a million orders cost no memory.
/// About 10% of customers never order; phones come in mixed formats (optionally shared with another
/// cart). Changes made after start-up (<see cref="AddOrder"/>, <see cref="TouchCustomer"/>, …) get an
/// updated_at later than everything generated, like edits in a live shop. Thread-safe.
/// Indexes are 0-based; the リピスト id of index i is i + 1.
/// </summary>
public sealed class RepeatstStore
{
    private const int CustomerStream = 11, OrderStream = 12, TeikiStream = 13, PhoneSalt = 1;

    /// <summary>The three words リピスト shows for a 定期 (docs/carts/repeatst.md, "What ECAI models").</summary>
    public static readonly IReadOnlyList<string> StatusWords = ["継続", "一時停止", "解約済"];

    private readonly RepeatstStoreOptions _options;
    private readonly SandboxTimeline _time;
    private readonly int[] _ordering, _subscribers;
    private readonly SandboxTable<RepeatstCustomerRow> _customers;
    private readonly SandboxTable<RepeatstOrderRow> _orders;
    private readonly SandboxTable<RepeatstTeikiRow> _teikis;
    private readonly HashSet<long> _customersWithAddedOrders = [];
    private readonly Lock _changeLock = new();

    public RepeatstStore(RepeatstStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Customers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Orders);
        if (options.Orders > 0 && options.Customers == 0) throw new ArgumentException("Orders need at least one customer.", nameof(options));
        _options = options;
        _time = new SandboxTimeline(options.Seed, options.Start, options.Span, options.Clock);
        // About 90% of customers order; SubscriberPercent of those hold a 定期.
        (_ordering, _subscribers) = SandboxTimeline.ChooseBuyers(options.Seed, CustomerStream, options.Customers, options.Orders, 90, options.SubscriberPercent);
        _customers = new(options.Customers, i => GeneratedTime(i, options.Customers), GenerateCustomer);
        _orders = new(options.Orders, i => GeneratedTime(i, options.Orders), GenerateOrder);
        _teikis = new(_subscribers.Length, i => GeneratedTime(i, _subscribers.Length), GenerateTeiki);
    }

    public RepeatstFaults Faults { get; } = new();

    public int CustomerCount => _customers.Count;
    public int OrderCount => _orders.Count;
    public int SubscriptionCount => _teikis.Count;

    /// <summary>updated_at of the newest generated record; later changes are newer still.</summary>
    public DateTimeOffset GeneratedUntil => _time.End;

    /// <summary>The phone of customer i as the customer typed it (formats vary), null if none.</summary>
    public string? CustomerPhone(int index) => CustomerAt(index).Tel;

    /// <summary>リピスト's id of customer i ("1", "2", …).</summary>
    public static string CustomerId(int index) => (index + 1L).ToString();

    public bool CustomerHasOrders(int index)
    {
        CustomerAt(index);
        lock (_changeLock) return Array.BinarySearch(_ordering, index) >= 0 || _customersWithAddedOrders.Contains(index + 1L);
    }

    /// <summary>A new order of one catalogue product for customer i (a 定期 product counts as the next delivery); returns its index.</summary>
    public int AddOrder(int customerIndex, string productCode, int quantity = 1)
    {
        CustomerAt(customerIndex);
        var product = RepeatstProduct.ByCode(productCode);
        var teiki = Array.BinarySearch(_subscribers, customerIndex);
        lock (_changeLock)
        {
            var id = _orders.Count + 1L;
            var now = NextChangeTime();
            long? teikiId = product.IsTeiki && teiki >= 0 ? teiki + 1 : null;
            int? count = teikiId is { } t ? (_teikis.Find(t)?.Count ?? 0) + 1 : null;
            _orders.Put(new RepeatstOrderRow(id, $"R{id:D8}", customerIndex + 1L, now, null, teikiId, count, false,
                [new RepeatstLineRow(product, quantity)], 0, now));
            _customersWithAddedOrders.Add(customerIndex + 1L);
            return (int)(id - 1);
        }
    }

    /// <summary>Customer i changes (and gets a new updated_at); null arguments keep the current value.</summary>
    public void TouchCustomer(int index, string? tel = null, DateOnly? birthday = null)
    {
        lock (_changeLock)
        {
            var row = CustomerAt(index);
            _customers.Put(row with { Tel = tel ?? row.Tel, Birthday = birthday ?? row.Birthday, UpdatedAt = NextChangeTime() });
        }
    }

    /// <summary>Order i ships: its 発送日 is set (JST date).</summary>
    public void ShipOrder(int index, DateOnly shippingDate)
    {
        lock (_changeLock)
        {
            var row = _orders.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index));
            _orders.Put(row with { ShippingDate = shippingDate, UpdatedAt = NextChangeTime() });
        }
    }

    /// <summary>定期 i changes status: 継続, 一時停止 or 解約済.</summary>
    public void TouchSubscription(int index, string status)
    {
        if (!StatusWords.Contains(status)) throw new ArgumentException($"Unknown status '{status}'.", nameof(status));
        lock (_changeLock)
        {
            var row = _teikis.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index));
            var now = NextChangeTime();
            _teikis.Put(row with
            {
                Status = status,
                NextShippingDate = status == "継続" ? row.NextShippingDate ?? JstDate(now, 7) : null,
                UpdatedAt = now,
            });
        }
    }

    internal SandboxTable<RepeatstCustomerRow> Customers => _customers;
    internal SandboxTable<RepeatstOrderRow> Orders => _orders;
    internal SandboxTable<RepeatstTeikiRow> Teikis => _teikis;

    internal bool IsValidToken(string? token) => !Faults.RejectAllTokens && token == _options.AccessToken;

    private RepeatstCustomerRow CustomerAt(int index) =>
        _customers.Find(index + 1L) ?? throw new ArgumentOutOfRangeException(nameof(index), index, "No such customer.");

    private DateTimeOffset NextChangeTime() => _time.NextChangeTime();

    // ---- generation: every method below is a pure function of (seed, i) -----------------------

    private DateTimeOffset GeneratedTime(int index, int count) => _time.GeneratedTime(index, count);

    private RepeatstCustomerRow GenerateCustomer(int index)
    {
        var r = new IndexRandom(_options.Seed, CustomerStream, index);
        var id = index + 1L;
        var tel = SandboxPhones.Generate(index, PhoneSalt, ref r, _options.SharedPhone, _options.SharedPhoneShare);
        DateOnly? birthday = r.Chance(75) ? new DateOnly(r.Next(1945, 2006), r.Next(1, 13), r.Next(1, 29)) : null;
        var mail = r.Chance(90) ? $"rpst{id}@example.jp" : null;
        return new RepeatstCustomerRow(id, $"C{id:D8}", r.Pick(_time.FamilyNames), r.Pick(_time.GivenNames), tel, mail, birthday,
            GeneratedTime(index, _customers.GeneratedCount));
    }

    private RepeatstOrderRow GenerateOrder(int index)
    {
        var r = new IndexRandom(_options.Seed, OrderStream, index);
        var id = index + 1L;
        var updatedAt = GeneratedTime(index, _orders.GeneratedCount);
        // The first orders give every ordering customer one; the rest go to repeat buyers.
        var customer = index < _ordering.Length ? _ordering[index] : _ordering[r.Next(_ordering.Length)];
        var teiki = Array.BinarySearch(_subscribers, customer);

        RepeatstLineRow[] lines;
        long? teikiId = null;
        int? count = null;
        if (teiki >= 0 && r.Chance(65))
        {
            teikiId = teiki + 1;
            count = r.Next(1, 13);
            lines = [new RepeatstLineRow(TeikiProduct(teiki), 1)];
        }
        else
        {
            lines = new RepeatstLineRow[r.Next(1, 3)];
            for (var k = 0; k < lines.Length; k++) lines[k] = new RepeatstLineRow(r.Pick(RepeatstProduct.OneTime), r.Next(1, 3));
        }
        var purchasedAt = updatedAt - TimeSpan.FromSeconds(r.Next(0, 5 * 24 * 3600));
        DateOnly? shipping = purchasedAt < _time.End.AddDays(-3) && r.Chance(90) ? JstDate(purchasedAt, r.Next(1, 4)) : null;
        return new RepeatstOrderRow(id, $"R{id:D8}", customer + 1L, purchasedAt, shipping, teikiId, count, r.Chance(3), lines,
            r.Chance(60) ? 0 : 660, updatedAt);
    }

    private RepeatstTeikiRow GenerateTeiki(int index)
    {
        var r = new IndexRandom(_options.Seed, TeikiStream, index);
        var roll = r.Next(100);
        var status = StatusWords[roll < 65 ? 0 : roll < 82 ? 1 : 2];
        return new RepeatstTeikiRow(index + 1L, _subscribers[index] + 1L, status, TeikiProduct(index),
            status == "継続" ? JstDate(_time.End, r.Next(1, 31)) : null, r.Next(1, 13), GeneratedTime(index, _teikis.GeneratedCount));
    }

    private RepeatstProduct TeikiProduct(int teikiIndex) =>
        new IndexRandom(_options.Seed, TeikiStream + 200, teikiIndex).Pick(RepeatstProduct.Teiki);

    private static DateOnly JstDate(DateTimeOffset instant, int days) => SandboxTimeline.JstDate(instant, days);
}
