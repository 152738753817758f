using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Bogus;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Rakuten.Sandbox;

/// <summary>A product of the sandbox shop: 商品管理番号, 商品番号, name and tax-included unit price.</summary>
public sealed record RakutenProduct(string ManageNumber, string ItemNumber, string Name, long Price, bool IsSubscription)
{
    public static IReadOnlyList<RakutenProduct> All { get; } =
    [
        new("aojiru-30", "aojiru-30", "国産大麦若葉の青汁 30包", 3_980, false),
        new("collagen-jelly", "collagen-jelly", "コラーゲンゼリー 14本入り", 2_480, false),
        new("soap-bar", "soap-bar", "無添加せっけん 100g", 1_320, false),
        new("lotion-200", "lotion-200", "保湿化粧水 200ml", 3_300, false),
        new("teikei-aojiru", "teikei-aojiru", "【定期購入】国産大麦若葉の青汁 30包", 3_580, true),
        new("teikei-kouso", "teikei-kouso", "【定期購入】酵素ドリンク 720ml", 5_400, true),
    ];

    public static IReadOnlyList<RakutenProduct> OneTime { get; } = All.Where(p => !p.IsSubscription).ToArray();
    public static IReadOnlyList<RakutenProduct> Subscriptions { get; } = All.Where(p => p.IsSubscription).ToArray();

    public static RakutenProduct ByCode(string manageNumber) =>
        All.FirstOrDefault(p => p.ManageNumber == manageNumber) ?? throw new ArgumentException($"No product '{manageNumber}'.", nameof(manageNumber));
}

/// <summary>
/// A deterministic Rakuten RMS shop for tests, the demo and benchmarks. Order i (注文日時 spread evenly
/// over [Start, Start + Span)) and customer i are pure functions of (seed, i), built when a request asks
/// for them, so a million orders cost no memory; orders are in 注文日 order, so a search window is an
/// index range found by binary search. About 10% of customers never order; 定期購入 subscribers get
/// orderType 4 orders with a reserveNumber; recent orders are unfixed (-9999 amounts, no shipping);
/// older ones shipped (shippingDate) or cancelled (900). Changes after start-up (<see cref="AddOrder"/>,
/// <see cref="ShipOrder"/>, <see cref="CancelOrder"/>) behave like edits in a live shop. Thread-safe.
/// </summary>
public sealed class RakutenStore
{
    private const int CustomerStream = 1, OrderStream = 2;

    /// <summary>This sandbox's random stream for (seed, stream, index); its own key mixing keeps the data it always generated.</summary>
    private static IndexRandom Rng(int seed, int stream, long index) => new(seed, stream, index, streamShift: 52, salt: 0x5DEECE66DUL);

    private static readonly string[] DeliveryCompanies = ["1001", "1001", "1001", "1002", "1002", "1003", "1000"];

    private readonly RakutenStoreOptions _options;
    private readonly DateTimeOffset _start;
    private readonly TimeSpan _span;
    private readonly int _generated;
    private readonly int[] _orderingCustomers;
    private readonly int[] _subscribers;
    private readonly string[] _familyNames, _givenNames, _prefectures, _cities;
    private readonly ConcurrentDictionary<long, OrderRow> _changed = new();
    private readonly Lock _changeLock = new();
    private int _count;
    private DateTimeOffset _lastOrderedAt;

    public RakutenStore(RakutenStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Customers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Orders);
        if (options.Orders > 0 && options.Customers == 0) throw new ArgumentException("Orders need at least one customer.", nameof(options));
        _options = options;
        _span = options.Span > TimeSpan.Zero ? options.Span : TimeSpan.FromDays(1);
        var start = options.Start ?? options.Clock.GetUtcNow() - _span;
        _start = start.AddTicks(-(start.UtcTicks % TimeSpan.TicksPerSecond));
        _generated = _count = options.Orders;
        _lastOrderedAt = _start + _span;

        var faker = new Faker("ja") { Random = new Randomizer(options.Seed) };
        string[] Distinct(Func<string> next, int tries) => Enumerable.Range(0, tries).Select(_ => next()).Distinct().ToArray();
        (_familyNames, _givenNames) = (Distinct(() => faker.Name.LastName(), 400), Distinct(() => faker.Name.FirstName(), 400));
        (_prefectures, _cities) = (Distinct(faker.Address.State, 300), Distinct(faker.Address.City, 200));

        var ordering = new List<int>();
        for (var c = 0; c < options.Customers && ordering.Count < options.Orders; c++)
        {
            if (Rng(options.Seed, CustomerStream + 100, c).Chance(90)) ordering.Add(c);
        }
        if (ordering.Count == 0 && options.Customers > 0) ordering.Add(0);
        _orderingCustomers = ordering.ToArray();
        _subscribers = ordering.Where(c => Rng(options.Seed, CustomerStream + 200, c).Chance(options.SubscriberPercent)).ToArray();
    }

    /// <summary>Switches that make the sandbox misbehave, and what it observed.</summary>
    public RakutenFaults Faults { get; } = new();

    internal RakutenStoreOptions Options => _options;

    public int CustomerCount => _options.Customers;

    public int OrderCount => Volatile.Read(ref _count);

    /// <summary>注文日時 of the first generated order.</summary>
    public DateTimeOffset Start => _start;

    /// <summary>Every 注文日時 generated is before this; later orders (<see cref="AddOrder"/>) are newer.</summary>
    public DateTimeOffset GeneratedUntil => _start + _span;

    public DateTimeOffset Now => _options.Clock.GetUtcNow();

    /// <summary>The customer's phone as RMS holds it (phoneNumber1-2-3 joined with hyphens), null if none.</summary>
    public string? CustomerPhone(int index)
    {
        var (p1, p2, p3) = PhoneOf(index);
        return PhoneNormalizer.JoinParts(p1, p2, p3);
    }

    /// <summary>The masked relay address RMS shows as the customer's e-mail (stable per customer [I]).</summary>
    public string CustomerEmail(int index)
    {
        CheckCustomer(index);
        // A bijection of the index: no two customers share an address.
        var code = (uint)(index * 2654435761u + (uint)_options.Seed);
        var letters = string.Concat(Enumerable.Range(0, 4).Select(k => (char)('a' + (code >> (k * 5)) % 26)));
        return $"{letters}{code:x8}@pc.fw.rakuten.ne.jp"; // [I] shape of RMS's masked addresses
    }

    public bool CustomerHasOrders(int index) =>
        Array.BinarySearch(_orderingCustomers, index) >= 0 || _changed.Values.Any(o => o.Seq > _generated && o.CustomerIndex == index);

    /// <summary>The order number of order index i ("123456-20261128-00000001").</summary>
    public string OrderNumber(int index) => Order(index + 1L)?.Number ?? throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A new order of one product for customer i, placed now; returns its order number.</summary>
    public string AddOrder(int customerIndex, string manageNumber, int units = 1)
    {
        CheckCustomer(customerIndex);
        var product = RakutenProduct.ByCode(manageNumber);
        var subscription = Array.BinarySearch(_subscribers, customerIndex);
        lock (_changeLock)
        {
            var now = Now;
            now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond));
            _lastOrderedAt = now > _lastOrderedAt ? now : _lastOrderedAt; // never before an older order: the index stays in 注文日 order
            var seq = _count + 1L;
            var goods = product.Price * units;
            var isSub = product.IsSubscription && subscription >= 0;
            var row = new OrderRow(seq, NumberOf(seq, _lastOrderedAt), _lastOrderedAt, customerIndex, 100, isSub ? 4 : 1,
                isSub ? ReserveNumber(subscription) : null, isSub ? 1 : null, [new ItemRow(product, units)], goods, 0, goods, null, null);
            _changed[seq] = row;
            Volatile.Write(ref _count, (int)seq);
            return row.Number;
        }
    }

    /// <summary>The order ships on <paramref name="date"/> (発送済, orderProgress 500).</summary>
    public void ShipOrder(string orderNumber, DateOnly date, string deliveryCompany = "1001") =>
        Change(orderNumber, o => o with { Progress = 500, ShippedOn = date, DeliveryCompany = deliveryCompany, Postage = Math.Max(0, o.Postage), Total = Math.Max(0, o.Goods) + Math.Max(0, o.Postage) });

    /// <summary>The order is cancelled (キャンセル確定, orderProgress 900).</summary>
    public void CancelOrder(string orderNumber) => Change(orderNumber, o => o with { Progress = 900 });

    internal bool IsAuthorized(string? esa) =>
        esa == Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.ServiceSecret + ":" + _options.LicenseKey));

    /// <summary>Order with RMS sequence <paramref name="seq"/> (1-based), or null.</summary>
    internal OrderRow? Order(long seq)
    {
        if (seq < 1 || seq > OrderCount) return null;
        return _changed.TryGetValue(seq, out var changed) ? changed : Generate(seq);
    }

    /// <summary>The order an RMS order number names, or null.</summary>
    internal OrderRow? Find(string? number)
    {
        if (number is null) return null;
        var last = number.LastIndexOf('-');
        if (last < 0 || !long.TryParse(number.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)) return null;
        var row = Order(seq);
        return row?.Number == number ? row : null;
    }

    /// <summary>Sequences (1-based, ascending 注文日時) of the orders placed in [from, to], as a range.</summary>
    internal (long First, long Count) Range(DateTimeOffset from, DateTimeOffset to)
    {
        var count = OrderCount;
        long Lower(Func<DateTimeOffset, bool> before)
        {
            long lo = 1, hi = count + 1L;
            while (lo < hi)
            {
                var mid = lo + (hi - lo) / 2;
                if (before(OrderedAt(mid))) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
        var first = Lower(t => t < from);
        var end = Lower(t => t <= to);
        return (first, Math.Max(0, end - first));
    }

    private DateTimeOffset OrderedAt(long seq) =>
        seq <= _generated ? GeneratedAt(seq) : _changed[seq].OrderedAt;

    private DateTimeOffset GeneratedAt(long seq) =>
        _start.AddSeconds(Math.Floor(_span.TotalSeconds * (seq - 1) / Math.Max(1, _generated)));

    private void Change(string orderNumber, Func<OrderRow, OrderRow> change)
    {
        lock (_changeLock)
        {
            var row = Find(orderNumber) ?? throw new ArgumentException($"No order '{orderNumber}'.", nameof(orderNumber));
            _changed[row.Seq] = change(row);
        }
    }

    private void CheckCustomer(int index)
    {
        if (index < 0 || index >= _options.Customers) throw new ArgumentOutOfRangeException(nameof(index), index, "No such customer.");
    }

    private string NumberOf(long seq, DateTimeOffset orderedAt) =>
        $"{_options.ShopId}-{orderedAt.ToOffset(TimeSpan.FromHours(9)):yyyyMMdd}-{seq:D8}"; // [I] shape, see docs/carts/rakuten.md § Orders

    private string ReserveNumber(int subscriberIndex) => $"{_options.ShopId}-T{subscriberIndex + 1:D8}"; // [I] shape of 申込番号

    internal CustomerRow Customer(int index)
    {
        CheckCustomer(index);
        var r = Rng(_options.Seed, CustomerStream, index);
        var (p1, p2, p3) = PhoneOf(index);
        return new CustomerRow(index, r.Pick(_familyNames), r.Pick(_givenNames), $"{r.Next(100, 1000)}", $"{r.Next(0, 10000):D4}",
            r.Pick(_prefectures), r.Pick(_cities), $"{r.Next(1, 9)}-{r.Next(1, 30)}-{r.Next(1, 20)}", p1, p2, p3, CustomerEmail(index));
    }

    /// <summary>
    /// phoneNumber1/2/3 as RMS holds them: mostly split 3-4-4 or area-local-number, some whole in
    /// phoneNumber1 with the others null, some with one part null. Digits come from a bijection of the
    /// index, so two customers never share a number unless <see cref="RakutenStoreOptions.SharedPhone"/> says so.
    /// </summary>
    private (string? P1, string? P2, string? P3) PhoneOf(int index)
    {
        CheckCustomer(index);
        var r = Rng(_options.Seed, CustomerStream + 300, index);
        if (_options.SharedPhone is { } shared && r.Next(1000) < _options.SharedPhoneShare * 1000
            && Retype(shared(index), r.Next(2)) is { } retyped)
            return retyped;

        var eight = ((long)index * 7919 + 23_456_789) % 100_000_000;
        var (mid, last) = ($"{eight / 10_000:D4}", $"{eight % 10_000:D4}");
        var mobile = r.Pick(["090", "080", "070"]);
        return r.Next(100) switch
        {
            < 65 => (mobile, mid, last),
            < 75 => ("03", mid, last),
            < 85 => ($"{mobile}{mid}{last}", null, null),
            < 92 => (mobile, $"{mid}{last}", null),
            < 97 => ("0466", mid[..2], last),
            _ => (null, null, null),
        };
    }

    /// <summary>Another cart's phone written the RMS way: digits only, split 3-4-4 (style 0) or whole (style 1).</summary>
    private static (string?, string?, string?)? Retype(string? phone, int style)
    {
        if (PhoneNormalizer.Normalize(phone) is not { } e164) return null;
        var digits = "0" + e164[3..];
        return style == 0 && digits.Length == 11 ? (digits[..3], digits[3..7], digits[7..]) : (digits, null, null);
    }

    /// <summary>shippingTerm values a buyer picks: none, 午前, 午後, or hhhh slots [C: the codes].</summary>
    private static readonly int[] ShippingTerms = [0, 1, 2, 812, 1214, 1416, 1618, 1820, 1921];

    /// <summary>The buyer asks for delivery on <paramref name="date"/> in slot <paramref name="shippingTerm"/> (a later change, as in RMS).</summary>
    public void RequestDelivery(string orderNumber, DateOnly date, int shippingTerm) =>
        Change(orderNumber, o => o with { DeliveryDate = date, ShippingTerm = shippingTerm });

    private OrderRow Generate(long seq)
    {
        var index = (int)(seq - 1);
        var r = Rng(_options.Seed, OrderStream, index);
        var orderedAt = GeneratedAt(seq);
        var customer = index < _orderingCustomers.Length ? _orderingCustomers[index] : _orderingCustomers[r.Next(_orderingCustomers.Length)];
        var subscriber = Array.BinarySearch(_subscribers, customer);

        ItemRow[] items;
        int orderType = 1;
        string? reserve = null;
        int? deliveries = null;
        if (subscriber >= 0 && r.Chance(60))
        {
            orderType = 4;
            reserve = ReserveNumber(subscriber);
            deliveries = r.Next(1, 13);
            items = [new ItemRow(Rng(_options.Seed, OrderStream + 100, subscriber).Pick(RakutenProduct.Subscriptions), 1)];
        }
        else
        {
            items = new ItemRow[r.Next(1, 3)];
            for (var k = 0; k < items.Length; k++) items[k] = new ItemRow(r.Pick(RakutenProduct.OneTime), r.Next(1, 3));
        }
        var goods = items.Sum(i => i.Product.Price * i.Units);
        long postage = r.Chance(60) ? 0 : 660;

        // Recent orders are not fixed yet; older ones shipped or were cancelled.
        var age = GeneratedUntil - orderedAt;
        int progress;
        DateOnly? shippedOn = null;
        string? company = null;
        long total = goods + postage;
        if (age < TimeSpan.FromDays(3))
        {
            progress = r.Chance(50) ? 100 : 300;
            if (progress == 100 && r.Chance(50)) (postage, total) = (-9999, -9999); // 送料 not fixed yet [C: -9999]
        }
        else if (r.Chance(6))
        {
            progress = 900;
        }
        else
        {
            progress = r.Chance(70) ? 500 : 700;
            shippedOn = DateOnly.FromDateTime(orderedAt.ToOffset(TimeSpan.FromHours(9)).DateTime).AddDays(r.Next(1, 4));
            company = DeliveryCompanies[r.Next(DeliveryCompanies.Length)];
        }
        // About a third of buyers ask for a delivery day (お届け日指定), most of those for a time slot too (drawn last, so the
        // fields above stay as they were).
        DateOnly? deliveryDate = null;
        var term = 0;
        if (r.Chance(35))
        {
            deliveryDate = DateOnly.FromDateTime(orderedAt.ToOffset(TimeSpan.FromHours(9)).DateTime).AddDays(r.Next(3, 8));
            term = ShippingTerms[r.Next(ShippingTerms.Length)];
        }
        return new OrderRow(seq, NumberOf(seq, orderedAt), orderedAt, customer, progress, orderType, reserve, deliveries, items,
            goods, postage, total, shippedOn, company, deliveryDate, term);
    }
}

internal sealed record ItemRow(RakutenProduct Product, int Units);

internal sealed record OrderRow(
    long Seq, string Number, DateTimeOffset OrderedAt, int CustomerIndex, int Progress, int OrderType, string? ReserveNumber,
    int? ReserveDeliveryCount, ItemRow[] Items, long Goods, long Postage, long Total, DateOnly? ShippedOn, string? DeliveryCompany,
    DateOnly? DeliveryDate = null, int ShippingTerm = 0);

internal sealed record CustomerRow(
    int Index, string FamilyName, string FirstName, string Zip1, string Zip2, string Prefecture, string City, string SubAddress,
    string? Phone1, string? Phone2, string? Phone3, string Email);
