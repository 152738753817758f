using Bogus;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

// How record i is generated. Every method here is a pure function of (seed, i); Bogus (locale "ja")
// only supplies the vocabulary (names, prefectures, cities) once, at start-up.
public sealed partial class EcforceStore
{
    private const int CustomerStream = 1, OrderStream = 2, SubscriptionStream = 3, ItemIdsPerOrder = 4;

    private static readonly string[] EmailWords = ["sakura", "hana", "yuki", "taro", "kenta", "miki", "aoi", "sora", "riku", "mei", "haru", "nao"];
    private static readonly string[] EmailDomains = ["example.jp", "example.com", "example.ne.jp", "example.co.jp"];

    private sealed record Vocabulary(string[] FamilyNames, string[] GivenNames, string[] Prefectures, string[] Cities)
    {
        public static Vocabulary From(int seed)
        {
            var faker = new Faker("ja") { Random = new Randomizer(seed) };
            string[] Distinct(Func<string> next, int tries) => Enumerable.Range(0, tries).Select(_ => next()).Distinct().ToArray();
            return new Vocabulary(Distinct(() => faker.Name.LastName(), 400), Distinct(() => faker.Name.FirstName(), 400),
                Distinct(faker.Address.State, 300), Distinct(faker.Address.City, 200));
        }
    }

    /// <summary>updated_at of generated row i of n: spread evenly over [Start, Start + Span), whole seconds.</summary>
    private DateTimeOffset GeneratedTime(int index, int count) =>
        _start.AddSeconds(Math.Floor(_span.TotalSeconds * index / Math.Max(1, count)));

    private CustomerRow GenerateCustomer(int index)
    {
        var r = new IndexRandom(_options.Seed, CustomerStream, index);
        var id = index + 1L;
        var updatedAt = GeneratedTime(index, _customers.GeneratedCount);
        var (phone, tel01, tel02, tel03) = GeneratePhone(index, ref r);
        return new CustomerRow(
            id, r.Hex(10), GenerateEmail(id, ref r),
            r.Chance(80) ? new DateOnly(r.Next(1950, 2006), r.Next(1, 13), r.Next(1, 29)) : null,
            r.Chance(20) ? "U" + r.Hex(32) : null,
            r.Pick(_vocabulary.FamilyNames), r.Pick(_vocabulary.GivenNames),
            $"{r.Next(100, 1000)}-{r.Next(0, 10000):D4}", r.Pick(_vocabulary.Prefectures), r.Pick(_vocabulary.Cities),
            $"{r.Next(1, 9)}-{r.Next(1, 30)}-{r.Next(1, 20)}",
            phone, tel01, tel02, tel03,
            updatedAt.AddDays(-r.Next(0, 60)), updatedAt);
    }

    private static string? GenerateEmail(long id, ref IndexRandom r)
    {
        var roll = r.Next(100);
        var email = $"{r.Pick(EmailWords)}{id}@{r.Pick(EmailDomains)}";
        return roll switch
        {
            < 5 => null,
            < 8 => $" {char.ToUpperInvariant(email[0])}{email[1..].Replace("@example", "@Example")} ", // needs normalising
            _ => email,
        };
    }

    /// <summary>
    /// Phones as real shops hold them, split into tel01/02/03 on the billing address. The digits come
    /// from a bijection of the index, so two customers never share a valid number.
    /// </summary>
    private static (string? Raw, string? Tel01, string? Tel02, string? Tel03) GeneratePhone(int index, ref IndexRandom r)
    {
        var eight = ((long)index * 7919 + 12_345_678) % 100_000_000;
        var (mid, last) = ($"{eight / 10_000:D4}", $"{eight % 10_000:D4}");
        var mobile = r.Pick(["090", "080", "070"]);
        var roll = r.Next(100);
        switch (roll)
        {
            case < 38: return ($"{mobile}-{mid}-{last}", mobile, mid, last);
            case < 53: return ($"{mobile}{mid}{last}", $"{mobile}{mid}{last}", "", "");
            case < 61:
                var (w1, w2, w3) = (FullWidth(mobile), FullWidth(mid), FullWidth(last));
                return ($"{w1}－{w2}－{w3}", w1, w2, w3);
            case < 68: return ($"+81 {mobile[1..]}-{mid}-{last}", $"+81 {mobile[1..]}", mid, last);
            case < 78: return ($"(03){mid}-{last}", "(03)", mid, last);
            case < 87:
                var six = ((long)index * 7919 + 123_456) % 1_000_000;
                var (local1, local2) = ($"{six / 10_000:D2}", $"{six % 10_000:D4}");
                return ($"0466-{local1}-{local2}", "0466", local1, local2);
            case < 94: return (null, "", "", "");
            default:
                return r.Next(3) switch
                {
                    0 => ($"{mobile}-{mid}-{last[..3]}", mobile, mid, last[..3]), // one digit short
                    1 => ("000-0000-0000", "000", "0000", "0000"),
                    _ => ("1234", "1234", "", ""),
                };
        }
    }

    /// <summary>00:00 JST, <paramref name="days"/> days after the JST day of <paramref name="instant"/>.</summary>
    private static DateTimeOffset JstMidnight(DateTimeOffset instant, int days)
    {
        var jst = instant.ToOffset(TimeSpan.FromHours(9));
        return new DateTimeOffset(jst.Year, jst.Month, jst.Day, 0, 0, 0, jst.Offset).AddDays(days);
    }

    private static string FullWidth(string digits) => string.Concat(digits.Select(c => (char)(c - '0' + '０')));

    private OrderRow GenerateOrder(int index)
    {
        var r = new IndexRandom(_options.Seed, OrderStream, index);
        var id = index + 1L;
        var updatedAt = GeneratedTime(index, _orders.GeneratedCount);
        // The first orders give every ordering customer one; the rest go to repeat buyers.
        var customerIndex = index < _orderingCustomers.Length ? _orderingCustomers[index] : _orderingCustomers[r.Next(_orderingCustomers.Length)];
        var subscription = Array.BinarySearch(_subscriberCustomers, customerIndex);

        ItemRow[] items;
        long? subsOrderId = null;
        int? times = null;
        if (subscription >= 0 && r.Chance(60))
        {
            subsOrderId = subscription + 1;
            times = r.Next(1, 13);
            items = [new ItemRow(id * ItemIdsPerOrder, SubscribedProduct(subscription), 1)];
        }
        else
        {
            items = new ItemRow[r.Next(1, 3)];
            for (var k = 0; k < items.Length; k++) items[k] = new ItemRow(id * ItemIdsPerOrder + k, r.Pick(EcforceProduct.OneTime), r.Next(1, 3));
        }

        var lag = TimeSpan.FromSeconds(r.Next(0, 6 * 24 * 3600));
        var completedAt = updatedAt - lag;
        DateTimeOffset? shippedAt = completedAt < _end.AddDays(-3) && r.Chance(92) ? completedAt + lag * (r.Next(30, 101) / 100.0) : null;
        return new OrderRow(id, r.Hex(10), customerIndex + 1L, subsOrderId, times, items, r.Chance(70) ? 0 : 550,
            completedAt, JstMidnight(completedAt, 2), shippedAt, shippedAt is null ? null : $"{r.Next(1000, 10000)}-{r.Next(1000, 10000)}-{r.Next(1000, 10000)}",
            updatedAt);
    }

    private SubOrderRow GenerateSubscription(int index)
    {
        var r = new IndexRandom(_options.Seed, SubscriptionStream, index);
        var updatedAt = GeneratedTime(index, _subscriptions.GeneratedCount);
        var product = SubscribedProduct(index);
        var roll = r.Next(100);
        var state = roll < 70 ? "active" : roll < 85 ? "suspend" : "canceled";
        var nextShip = state == "active" ? JstMidnight(_end, r.Next(1, 31)) : (DateTimeOffset?)null;
        return new SubOrderRow(index + 1L, r.Hex(10), _subscriberCustomers[index] + 1L, state, r.Next(1, 13),
            new ItemRow(SubscriptionItemIdBase + index, product, 1), product.Code.EndsWith("T3") ? 3 : product.Code.EndsWith("T2") ? 2 : 1,
            nextShip, state == "suspend" ? updatedAt : null, state == "canceled" ? updatedAt : null,
            updatedAt.AddDays(-r.Next(30, 366)), updatedAt);
    }

    /// <summary>Line ids of subscriptions live apart from order lines.</summary>
    private const long SubscriptionItemIdBase = 1_000_000_000_000L;

    private EcforceProduct SubscribedProduct(int subscriptionIndex) =>
        new IndexRandom(_options.Seed, SubscriptionStream + 200, subscriptionIndex).Pick(EcforceProduct.Subscriptions);

    /// <summary>Which customers order (about 85%) and which of those subscribe; two small int arrays.</summary>
    private static (int[] Ordering, int[] Subscribers) ChooseBuyers(EcforceStoreOptions options)
    {
        var ordering = new List<int>();
        for (var c = 0; c < options.Customers && ordering.Count < options.Orders; c++)
        {
            if (new IndexRandom(options.Seed, CustomerStream + 100, c).Chance(85)) ordering.Add(c);
        }
        var subscribers = ordering.Where(c => new IndexRandom(options.Seed, SubscriptionStream + 100, c).Chance(options.SubscriberPercent)).ToArray();
        return (ordering.ToArray(), subscribers);
    }
}
