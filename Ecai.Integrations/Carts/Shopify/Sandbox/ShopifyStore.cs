using System.Text;
using Bogus;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>
/// A deterministic Shopify shop for tests, the demo and benchmarks. Customer, order and checkout i are
/// pure functions of (seed, i), generated when a page asks for them, so a million orders cost no memory.
/// About 10% of customers never order; financial statuses include pending, refunded and voided;
/// fulfilments name Yamato, Sagawa, Japan Post and other carriers; a share of customers subscribe
/// through the subscription app, whose tags orders carry from <see cref="SubscriptionTagsSince"/> on.
/// Changes made after start-up (<see cref="AddOrder"/>, <see cref="TouchCustomer"/>, …) get an
/// updated_at later than everything generated, like edits in a live shop. Thread-safe. Indexes are 0-based.
/// </summary>
public sealed class ShopifyStore
{
    private const int CustomerStream = 1, OrderStream = 2, CheckoutStream = 3, BuyerStream = 101, SubscriberStream = 102, SharedStream = 103;
    // Its own stream, so the orders' other fields stay what they always were.
    private const int OrderDetailStream = 104;

    /// <summary>This sandbox's random stream for (seed, stream, index); its own key mixing keeps the data it always generated.</summary>
    private static IndexRandom Rng(int seed, int stream, long index) => new(seed, stream, index, streamShift: 48, salt: 0x5DEECE66DUL);
    private const long CustomerIdBase = 7_200_000_000, OrderIdBase = 5_600_000_000, CheckoutIdBase = 3_300_000_000, LineIdBase = 14_000_000_000;
    private const int FirstOrderNumber = 1001;

    private static readonly string[] EmailWords = ["sakura", "hana", "yuki", "taro", "kenta", "miki", "aoi", "sora", "riku", "mei", "haru", "nao"];
    private static readonly string[] EmailDomains = ["example.jp", "example.com", "example.ne.jp", "example.co.jp"];

    /// <summary>Carriers as Shopify names them [C3], plus ones ECAI does not show.</summary>
    internal static readonly string?[] Carriers = ["Yamato (JA)", "Sagawa (JA)", "Japan Post (JA)", "Seino (JA)", "Fukuyama Transporting", "Other", null];

    /// <summary>Time slots as Japanese delivery-date apps word them [C3].</summary>
    internal static readonly string[] DeliverySlots = ["午前中", "14:00～16:00", "16:00～18:00", "18:00～20:00", "19:00～21:00"];

    /// <summary>Fulfilment states that are no shipment [C].</summary>
    internal static readonly string[] FailedFulfilments = ["cancelled", "error", "failure"];

    /// <summary>The subscription app's status words [I], in the order active, paused, cancelled.</summary>
    public static readonly IReadOnlyList<string> SubscriptionWords = ["アクティブ", "停止", "解約"];

    private readonly ShopifyStoreOptions _options;
    private readonly string[] _familyNames, _givenNames;
    private readonly DateTimeOffset _start, _end;
    private readonly TimeSpan _span;
    private readonly int[] _orderingCustomers, _subscriberCustomers;
    private readonly Lock _changeLock = new();
    private DateTimeOffset _lastChange;

    public ShopifyStore(ShopifyStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Customers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Orders);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Checkouts);
        if ((options.Orders > 0 || options.Checkouts > 0) && options.Customers == 0) throw new ArgumentException("Orders need at least one customer.", nameof(options));
        _options = options;
        var faker = new Faker("ja") { Random = new Randomizer(options.Seed) };
        _familyNames = Enumerable.Range(0, 300).Select(_ => faker.Name.LastName()).Distinct().ToArray();
        _givenNames = Enumerable.Range(0, 300).Select(_ => faker.Name.FirstName()).Distinct().ToArray();
        _start = options.Start.AddTicks(-(options.Start.Ticks % TimeSpan.TicksPerSecond));
        _span = options.Span > TimeSpan.Zero ? options.Span : TimeSpan.FromDays(1);
        _end = _start + _span;
        _lastChange = _end;
        SubscriptionTagsSince = options.SubscriptionTagsSince ?? _start + _span / 2;
        (_orderingCustomers, _subscriberCustomers) = ChooseBuyers(options);
        Customers = new(CustomerIdBase, options.Customers, i => GeneratedTime(i, options.Customers), GenerateCustomer);
        Orders = new(OrderIdBase, options.Orders, i => GeneratedTime(i, options.Orders), GenerateOrder);
        Checkouts = new(CheckoutIdBase, options.Checkouts, i => GeneratedTime(i, options.Checkouts), GenerateCheckout);
    }

    public ShopifyStoreOptions Options => _options;

    /// <summary>Switches that make the sandbox misbehave, the leaky bucket, and what the sandbox observed.</summary>
    public ShopifyFaults Faults { get; } = new();

    /// <summary>When the subscription app's tag setting was turned on: orders created from then on carry its tags.</summary>
    public DateTimeOffset SubscriptionTagsSince { get; }

    public int CustomerCount => Customers.Count;
    public int OrderCount => Orders.Count;
    public int CheckoutCount => Checkouts.Count;

    /// <summary>updated_at of the newest generated record; later changes are newer still.</summary>
    public DateTimeOffset GeneratedUntil => _end;

    /// <summary>Shopify's id of customer i.</summary>
    public static string CustomerId(int index) => (CustomerIdBase + index + 1).ToString();

    /// <summary>Customer i's e-mail as the shop holds it (null for a phone-only customer).</summary>
    public string? CustomerEmail(int index) => CustomerAt(index).Email;

    public string? CustomerPhone(int index) => CustomerAt(index).Phone;

    public bool CustomerHasOrders(int index)
    {
        CustomerAt(index);
        return Array.BinarySearch(_orderingCustomers, index) >= 0;
    }

    /// <summary>The financial status, cancellation and creation time of order i (for tests that predict the import).</summary>
    public (string FinancialStatus, bool Cancelled, DateTimeOffset CreatedAt, string Tags) OrderFacts(int index)
    {
        var row = Orders.Find(Orders.IdOf(index)) ?? throw new ArgumentOutOfRangeException(nameof(index));
        return (row.FinancialStatus, row.CancelledAt is not null, row.CreatedAt, row.Tags);
    }

    /// <summary>What ECAI should read from order i: amount after refunds, shipping date, requested delivery, custom lines.</summary>
    public ShopifyOrderDetails OrderDetails(int index)
    {
        var row = Orders.Find(Orders.IdOf(index)) ?? throw new ArgumentOutOfRangeException(nameof(index));
        return new ShopifyOrderDetails(row.Total - row.Refunded, row.ShippedAt, row.DeliveryDate, row.DeliveryTime,
            row.Lines.Count(l => l.Product.IsCustom), row.Fulfillments.Any(f => f.Status != "success"));
    }

    /// <summary>
    /// A new order of one catalogue product for customer i; returns the order's index. <paramref name="trackingCompany"/>:
    /// shipped now by that carrier, after a fulfilment in <paramref name="failedFulfilment"/>'s state (cancelled, error,
    /// failure) an hour earlier when given. <paramref name="giftWrap"/> adds a custom line; the delivery request goes
    /// into note_attributes.
    /// </summary>
    public int AddOrder(int customerIndex, string sku, string financialStatus = "paid", string tags = "", string? trackingCompany = null,
        string? failedFulfilment = null, bool giftWrap = false, DateOnly? deliveryDate = null, string? deliveryTime = null)
    {
        var customer = CustomerAt(customerIndex);
        var product = ShopifyProduct.BySku(sku);
        lock (_changeLock)
        {
            var id = Orders.NextId;
            var now = NextChangeTime();
            var fulfillments = new List<FulfillmentRow>();
            if (failedFulfilment is not null) fulfillments.Add(new FulfillmentRow(id * 2 + 1, now.AddHours(-1), trackingCompany, $"{id % 1_000_000_000_000:D12}", failedFulfilment));
            if (trackingCompany is not null) fulfillments.Add(new FulfillmentRow(id * 2, now, trackingCompany, $"{id % 1_000_000_000_000:D12}"));
            LineRow[] lines = giftWrap
                ? [new LineRow(LineIdBase + id * 4, product, 1), new LineRow(LineIdBase + id * 4 + 1, ShopifyProduct.GiftWrap, 1)]
                : [new LineRow(LineIdBase + id * 4, product, 1)];
            Orders.Put(new OrderRow(id, FirstOrderNumber + (int)(id - OrderIdBase - 1), customer.Id, customer.Email, financialStatus, null,
                lines, 0, tags, [.. fulfillments], now, now, DeliveryDate: deliveryDate, DeliveryTime: deliveryTime));
            return (int)(id - OrderIdBase - 1);
        }
    }

    /// <summary>
    /// Order i is refunded now: by <paramref name="amount"/> (minor units; partially_refunded while something is left)
    /// or, without one, in full (refunded). The order's updated_at moves, as Shopify's does.
    /// </summary>
    public void RefundOrder(int index, long? amount = null)
    {
        lock (_changeLock)
        {
            var row = Orders.Find(Orders.IdOf(index)) ?? throw new ArgumentOutOfRangeException(nameof(index));
            var now = NextChangeTime();
            var refund = amount ?? row.Total - row.Refunded;
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refund, nameof(amount));
            var refunds = (row.Refunds ?? []).Append(new RefundRow(row.Id * 8 + (row.Refunds?.Length ?? 0), now, refund)).ToArray();
            var refunded = refunds.Where(r => r.Status == "success").Sum(r => r.Amount);
            Orders.Put(row with { FinancialStatus = refunded >= row.Total ? "refunded" : "partially_refunded", Refunds = refunds, UpdatedAt = now });
        }
    }

    /// <summary>Order i is cancelled now (cancelled_at): an authorisation is voided, a payment refunded in full.</summary>
    public void CancelOrder(int index)
    {
        lock (_changeLock)
        {
            var row = Orders.Find(Orders.IdOf(index)) ?? throw new ArgumentOutOfRangeException(nameof(index));
            var now = NextChangeTime();
            var refunds = row.FinancialStatus is "paid" or "partially_refunded" && row.Total > row.Refunded
                ? (row.Refunds ?? []).Append(new RefundRow(row.Id * 8 + (row.Refunds?.Length ?? 0), now, row.Total - row.Refunded)).ToArray()
                : row.Refunds;
            Orders.Put(row with
            {
                CancelledAt = now, FinancialStatus = row.FinancialStatus == "authorized" ? "voided" : "refunded", Refunds = refunds, UpdatedAt = now,
            });
        }
    }

    /// <summary>Customer i changes (and gets a new updated_at); null arguments keep the current value.</summary>
    public void TouchCustomer(int index, string? email = null, string? phone = null)
    {
        lock (_changeLock)
        {
            var row = CustomerAt(index);
            Customers.Put(row with { Email = email ?? row.Email, Phone = phone ?? row.Phone, UpdatedAt = NextChangeTime() });
        }
    }

    /// <summary>Checkout i is completed now (the buyer came back and paid).</summary>
    public void CompleteCheckout(int index)
    {
        lock (_changeLock)
        {
            var row = Checkouts.Find(Checkouts.IdOf(index)) ?? throw new ArgumentOutOfRangeException(nameof(index));
            var now = NextChangeTime();
            Checkouts.Put(row with { CompletedAt = now, UpdatedAt = now });
        }
    }

    /// <summary>A new abandoned checkout of customer i; returns its index.</summary>
    public int AddCheckout(int customerIndex, string sku)
    {
        var customer = CustomerAt(customerIndex);
        lock (_changeLock)
        {
            var id = Checkouts.NextId;
            var now = NextChangeTime();
            Checkouts.Put(new CheckoutRow(id, $"{id:x8}{Convert.ToHexStringLower(BitConverter.GetBytes(id * 7919))}", customer.Id, customer.Email, customer.Phone,
                [new LineRow(LineIdBase + id * 4 + 1, ShopifyProduct.BySku(sku), 1)], $"{id * 31:x12}", now, now, null));
            return (int)(id - CheckoutIdBase - 1);
        }
    }

    internal ShopifyTable<CustomerRow> Customers { get; }
    internal ShopifyTable<OrderRow> Orders { get; }
    internal ShopifyTable<CheckoutRow> Checkouts { get; }

    internal bool IsValidToken(string? token) =>
        token is not null && !Faults.RejectAllTokens && string.Equals(token, _options.AccessToken, StringComparison.Ordinal);

    /// <summary>The subscription of an ordering subscriber: id, status word.</summary>
    internal (string Id, string Word) SubscriptionOf(int subscriberRank)
    {
        var r = Rng(_options.Seed, SubscriberStream + 1, subscriberRank);
        var roll = r.Next(100);
        return ((100_001 + subscriberRank).ToString(), SubscriptionWords[roll < 70 ? 0 : roll < 85 ? 1 : 2]);
    }

    private CustomerRow CustomerAt(int index) =>
        Customers.Find(Customers.IdOf(index)) is { } row && index >= 0 && index < Customers.Count
            ? row : throw new ArgumentOutOfRangeException(nameof(index), index, "No such customer.");

    /// <summary>Strictly increasing whole seconds, never earlier than the generated data or the clock. Callers hold the lock.</summary>
    private DateTimeOffset NextChangeTime()
    {
        var now = _options.Clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var next = _lastChange.AddSeconds(1);
        _lastChange = now > next ? now : next;
        return _lastChange;
    }

    private DateTimeOffset GeneratedTime(int index, int count) =>
        _start.AddSeconds(Math.Floor(_span.TotalSeconds * index / Math.Max(1, count)));

    private CustomerRow GenerateCustomer(int index)
    {
        var r = Rng(_options.Seed, CustomerStream, index);
        var updatedAt = GeneratedTime(index, _options.Customers);
        var id = CustomerIdBase + index + 1;
        var emailRoll = r.Next(100);
        var email = $"{r.Pick(EmailWords)}.{index + 1}@{r.Pick(EmailDomains)}";
        if (emailRoll < 8) email = char.ToUpperInvariant(email[0]) + email[1..].Replace("@example", "@Example"); // needs normalising
        // Below 4: a phone-only customer.
        return new CustomerRow(id, emailRoll < 4 ? null : email, GeneratePhone(index, ref r), r.Pick(_givenNames), r.Pick(_familyNames),
            updatedAt.AddDays(-r.Next(0, 90)), updatedAt);
    }

    /// <summary>Phones as Shopify shops hold them: often none, E.164, or local styles [I]; a share is another cart's phone re-typed.</summary>
    private string? GeneratePhone(int index, ref IndexRandom r)
    {
        var shared = Rng(_options.Seed, SharedStream, index);
        if (_options.SharedPhone is { } sharedPhone && shared.NextDouble() < _options.SharedPhoneShare && Digits(sharedPhone(index)) is { } digits)
            return Retype(digits, shared.Next(4));
        var eight = ((long)index * 7919 + 23_456_789) % 100_000_000;
        var mobile = r.Pick(["90", "80", "70"]);
        var roll = r.Next(100);
        return roll switch
        {
            < 35 => null,
            < 75 => $"+81{mobile}{eight:D8}",
            _ => Retype($"0{mobile}{eight:D8}", r.Next(4)),
        };
    }

    /// <summary>Domestic digits ("09012345678") of a phone in any style, or null.</summary>
    private static string? Digits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("81", StringComparison.Ordinal) && phone.Contains('+')) digits = "0" + digits[2..];
        return digits.Length is 10 or 11 && digits[0] == '0' ? digits : null;
    }

    /// <summary>0 hyphens, 1 no hyphens, 2 +81, 3 full-width with hyphens.</summary>
    private static string Retype(string digits, int style)
    {
        var hyphenated = digits.Length == 11 ? $"{digits[..3]}-{digits[3..7]}-{digits[7..]}" : $"{digits[..2]}-{digits[2..6]}-{digits[6..]}";
        return style switch
        {
            0 => hyphenated,
            1 => digits,
            2 => "+81" + digits[1..],
            _ => string.Concat(hyphenated.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : '－')),
        };
    }

    private OrderRow GenerateOrder(int index)
    {
        var r = Rng(_options.Seed, OrderStream, index);
        var id = OrderIdBase + index + 1;
        var updatedAt = GeneratedTime(index, _options.Orders);
        var createdAt = updatedAt - TimeSpan.FromSeconds(r.Next(0, 6 * 24 * 3600));
        // The first orders give every ordering customer one; the rest go to repeat buyers.
        var customerIndex = index < _orderingCustomers.Length ? _orderingCustomers[index] : _orderingCustomers[r.Next(_orderingCustomers.Length)];
        var customer = GenerateCustomerOrTouched(customerIndex);
        var subscriber = Array.BinarySearch(_subscriberCustomers, customerIndex);

        LineRow[] lines;
        var tags = r.Chance(15) ? r.Pick(["VIP", "LINE経由", "初回購入"]) : "";
        if (subscriber >= 0 && r.Chance(70))
        {
            var product = ShopifyProduct.Subscriptions[subscriber % ShopifyProduct.Subscriptions.Count];
            lines = [new LineRow(LineIdBase + id * 4, product, 1)];
            if (createdAt >= SubscriptionTagsSince)
            {
                var (subscriptionId, word) = SubscriptionOf(subscriber);
                tags = $"{ShopifyMapper.SubscriptionTag}, {ShopifyMapper.TimesTagPrefix}{r.Next(1, 13)}, {ShopifyMapper.StatusTagPrefix}{word}, {ShopifyMapper.IdTagPrefix}{subscriptionId}";
            }
        }
        else
        {
            lines = new LineRow[r.Next(1, 3)];
            for (var k = 0; k < lines.Length; k++) lines[k] = new LineRow(LineIdBase + id * 4 + k, r.Pick(ShopifyProduct.OneTime), r.Next(1, 3));
        }

        var roll = r.Next(100);
        var status = roll switch { < 74 => "paid", < 82 => "authorized", < 88 => "pending", < 92 => "refunded", < 94 => "partially_refunded", _ => "voided" };
        DateTimeOffset? cancelledAt = status == "voided" || (status == "refunded" && r.Chance(50)) ? updatedAt : null;
        FulfillmentRow[] fulfillments = [];
        if (status is "paid" or "partially_refunded" or "refunded" && createdAt < updatedAt - TimeSpan.FromHours(12) && r.Chance(90))
        {
            var shipped = createdAt + (updatedAt - createdAt) * (r.Next(30, 100) / 100.0);
            shipped = shipped.AddTicks(-(shipped.Ticks % TimeSpan.TicksPerSecond));
            fulfillments = [new FulfillmentRow(id * 2, shipped, r.Pick(Carriers), $"{r.Next(1000, 10000)}{r.Next(1000, 10000)}{r.Next(1000, 10000)}")];
        }
        var shipping = r.Chance(70) ? 0 : 550;
        return WithDetails(new OrderRow(id, FirstOrderNumber + index, customer.Id, customer.Email, status, cancelledAt, lines,
            shipping, tags, fulfillments, createdAt, updatedAt), index, _options.Seed);
    }

    /// <summary>
    /// What real shops add to an order (from a stream of its own): a fulfilment that failed, errored or was cancelled
    /// before the one that shipped; a custom gift-wrap line; a requested delivery date and slot in note_attributes;
    /// the refunds behind a refunded or partially refunded status (a failed refund attempt now and then).
    /// </summary>
    private static OrderRow WithDetails(OrderRow o, int index, int seed)
    {
        var x = Rng(seed, OrderDetailStream, index);
        if (o.Fulfillments.Length > 0 && x.Chance(20))
        {
            var shipped = o.Fulfillments[0];
            o = o with
            {
                Fulfillments = [new FulfillmentRow(o.Id * 2 + 1, shipped.CreatedAt.AddHours(-x.Next(1, 48)), shipped.TrackingCompany, shipped.TrackingNumber,
                    x.Pick(FailedFulfilments)), shipped],
            };
        }
        if (x.Chance(6)) o = o with { Lines = [.. o.Lines, new LineRow(LineIdBase + o.Id * 4 + 3, ShopifyProduct.GiftWrap, 1)] };
        if (x.Chance(35))
        {
            var jst = o.CreatedAt.ToOffset(TimeSpan.FromHours(9));
            o = o with
            {
                DeliveryDate = DateOnly.FromDateTime(jst.DateTime).AddDays(x.Next(3, 10)),
                DeliveryTime = x.Chance(70) ? x.Pick(DeliverySlots) : null,
            };
        }
        var refunds = new List<RefundRow>();
        if (o.FinancialStatus is "refunded" or "partially_refunded" && x.Chance(20)) refunds.Add(new RefundRow(o.Id * 8, o.UpdatedAt.AddHours(-2), o.Total / 2, "failure"));
        if (o.FinancialStatus == "refunded") refunds.Add(new RefundRow(o.Id * 8 + 1, o.UpdatedAt, o.Total));
        if (o.FinancialStatus == "partially_refunded") refunds.Add(new RefundRow(o.Id * 8 + 1, o.UpdatedAt, Math.Max(1, o.Total / 2)));
        return refunds.Count == 0 ? o : o with { Refunds = [.. refunds] };
    }

    private CheckoutRow GenerateCheckout(int index)
    {
        var r = Rng(_options.Seed, CheckoutStream, index);
        var id = CheckoutIdBase + index + 1;
        var lastTouch = GeneratedTime(index, _options.Checkouts);
        var customer = GenerateCustomerOrTouched(r.Next(_options.Customers));
        var completed = r.Chance(30);
        var createdAt = lastTouch - TimeSpan.FromSeconds(r.Next(600, 3 * 24 * 3600));
        var lines = new LineRow[r.Next(1, 4)];
        for (var k = 0; k < lines.Length; k++) lines[k] = new LineRow(LineIdBase + id * 4 + k, r.Pick(ShopifyProduct.Catalogue), r.Next(1, 3));
        return new CheckoutRow(id, r.Hex(32), customer.Id, customer.Email, customer.Phone, lines, r.Hex(16),
            createdAt, lastTouch, completed ? lastTouch : null);
    }

    private CustomerRow GenerateCustomerOrTouched(int index) => Customers.Find(Customers.IdOf(index)) ?? GenerateCustomer(index);

    /// <summary>Which customers order (about 90%) and which of those subscribe; two small int arrays.</summary>
    private static (int[] Ordering, int[] Subscribers) ChooseBuyers(ShopifyStoreOptions options)
    {
        var ordering = new List<int>();
        for (var c = 0; c < options.Customers && ordering.Count < options.Orders; c++)
        {
            if (Rng(options.Seed, BuyerStream, c).Chance(90)) ordering.Add(c);
        }
        if (ordering.Count == 0 && options.Orders > 0) ordering.Add(0);
        var subscribers = ordering.Where(c => Rng(options.Seed, SubscriberStream, c).Chance(options.SubscriberPercent)).ToArray();
        return (ordering.ToArray(), subscribers);
    }
}
