using Bogus;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Rakuraku.Sandbox;

// How customer and order i are generated: pure functions of (seed, i). Bogus (locale "ja") only supplies
// the vocabulary (names) once, at start-up.
public sealed partial class RakurakuStore
{
    private const int CustomerStream = 11, OrderStream = 12, RegularStream = 13;

    private static readonly string[] MailWords = ["sakura", "hana", "yuki", "taro", "kenta", "miki", "aoi", "sora", "riku", "mei"];
    private static readonly string[] MailDomains = ["example.jp", "example.com", "example.ne.jp"];

    private sealed record Vocabulary(string[] FamilyNames, string[] GivenNames)
    {
        public static Vocabulary From(int seed)
        {
            var faker = new Faker("ja") { Random = new Randomizer(seed) };
            string[] Distinct(Func<string> next) => Enumerable.Range(0, 400).Select(_ => next()).Distinct().ToArray();
            return new Vocabulary(Distinct(() => faker.Name.LastName()), Distinct(() => faker.Name.FirstName()));
        }
    }

    private DateTimeOffset GeneratedTime(int index, int count) =>
        _start.AddSeconds(Math.Floor(_span.TotalSeconds * index / Math.Max(1, count)));

    private static string OrderNumber(long id) => $"RR{id:D8}";

    private RakurakuCustomerRow GenerateCustomer(int index)
    {
        var r = new IndexRandom(_options.Seed, CustomerStream, index);
        var id = index + 1L;
        var name = $"{r.Pick(_vocabulary.FamilyNames)} {r.Pick(_vocabulary.GivenNames)}";
        var phone = GeneratePhone(index, ref r);
        if (_options.SharedPhone is { } shared && r.Next(10_000) < _options.SharedPhoneShare * 10_000
            && Retype(shared(index), ref r) is { } other)
            phone = other;
        var mail = r.Chance(92) ? $"{r.Pick(MailWords)}{id}@{r.Pick(MailDomains)}" : null;
        DateOnly? birthday = r.Chance(75) ? new DateOnly(r.Next(1950, 2006), r.Next(1, 13), r.Next(1, 29)) : null;
        return new RakurakuCustomerRow(id, name, phone, mail, birthday);
    }

    /// <summary>Phones as shops hold them; the digits are a bijection of the index, so no two customers share a number.</summary>
    private static string? GeneratePhone(int index, ref IndexRandom r)
    {
        var eight = ((long)index * 7919 + 23_456_789) % 100_000_000;
        var (mid, last) = ($"{eight / 10_000:D4}", $"{eight % 10_000:D4}");
        var mobile = r.Pick(["090", "080", "070"]);
        return r.Next(100) switch
        {
            < 45 => $"{mobile}-{mid}-{last}",
            < 65 => $"{mobile}{mid}{last}",
            < 73 => FullWidth($"{mobile}-{mid}-{last}"),
            < 80 => $"+81 {mobile[1..]}-{mid}-{last}",
            < 90 => $"06-{mid}-{last}",
            < 96 => null,
            _ => $"{mobile}-{mid}", // too short: never links
        };
    }

    /// <summary>Another cart's phone written in another style (hyphens, none, +81, full-width).</summary>
    private static string? Retype(string? phone, ref IndexRandom r)
    {
        if (PhoneNormalizer.Normalize(phone) is not { } e164) return null;
        var display = PhoneNormalizer.Display(e164);
        return r.Next(4) switch
        {
            0 => display,
            1 => display.Replace("-", ""),
            2 => "+81 " + display[1..],
            _ => FullWidth(display),
        };
    }

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == '-' ? '－' : c));

    private RakurakuOrderRow GenerateOrder(int index)
    {
        var r = new IndexRandom(_options.Seed, OrderStream, index);
        var id = index + 1L;
        var updatedAt = GeneratedTime(index, _orders.GeneratedCount);
        // The first orders give every ordering customer one; the rest go to repeat buyers.
        var customerIndex = index < _orderingCustomers.Length ? _orderingCustomers[index] : _orderingCustomers[r.Next(_orderingCustomers.Length)];
        var regularId = RegularIdOf(customerIndex);

        RakurakuItemRow[] items;
        int? times = null;
        string? regularStatus = null;
        if (regularId is { } regular && r.Chance(65))
        {
            times = r.Next(1, 13);
            regularStatus = RegularStatusOf(regular);
            items = [new RakurakuItemRow(SubscribedProduct(regular), 1)];
        }
        else
        {
            regularId = null;
            items = new RakurakuItemRow[r.Next(1, 3)];
            for (var k = 0; k < items.Length; k++) items[k] = new RakurakuItemRow(r.Pick(RakurakuProduct.OneTime), r.Next(1, 3));
        }

        var lag = TimeSpan.FromSeconds(r.Next(0, 5 * 24 * 3600));
        var orderedAt = updatedAt - lag;
        var cancelled = r.Chance(3);
        DateTimeOffset? shippedAt = !cancelled && orderedAt < _end.AddDays(-3) && r.Chance(90) ? orderedAt + lag * (r.Next(30, 101) / 100.0) : null;
        var status = cancelled ? RakurakuMapper.CancelledStatus : shippedAt is null ? "新規受付" : "発送済み";
        return new RakurakuOrderRow(id, OrderNumber(id), customerIndex, regularId, times, regularStatus, items, r.Chance(70) ? 0 : 660,
            status, orderedAt, shippedAt, updatedAt);
    }

    private string RegularStatusOf(long regularId)
    {
        var roll = new IndexRandom(_options.Seed, RegularStream, regularId).Next(100);
        return roll < 70 ? RakurakuStatus.Continuing : roll < 85 ? RakurakuStatus.Paused : RakurakuStatus.Cancelled;
    }

    private RakurakuProduct SubscribedProduct(long regularId) =>
        new IndexRandom(_options.Seed, RegularStream + 100, regularId).Pick(RakurakuProduct.Subscriptions);

    /// <summary>Which customers order (about 90%) and which of those subscribe.</summary>
    private static (int[] Ordering, int[] Subscribers) ChooseBuyers(RakurakuStoreOptions options)
    {
        var ordering = new List<int>();
        for (var c = 0; c < options.Customers && ordering.Count < options.Orders; c++)
        {
            if (new IndexRandom(options.Seed, CustomerStream + 100, c).Chance(90)) ordering.Add(c);
        }
        if (ordering.Count == 0 && options.Orders > 0) ordering.Add(0);
        var subscribers = ordering.Where(c => new IndexRandom(options.Seed, RegularStream + 200, c).Chance(options.SubscriberPercent)).ToArray();
        return (ordering.ToArray(), subscribers);
    }
}
