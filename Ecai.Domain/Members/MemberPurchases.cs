using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>
/// One order of any of the member's linked customers, with its products and courses (and, on 会員詳細, its page in the
/// cart's admin where the cart has one). <see cref="Amount"/> is in minor units of <see cref="Currency"/> (null = yen).
/// </summary>
public sealed record MemberOrderView(
    CartKind Kind, string OrderExternalId, string? Number, DateTimeOffset OrderedAt, long Amount, DateTimeOffset? ShippedAt,
    string? DeliveryMethod, bool Cancelled, int? Times, string Products, string Courses,
    DateOnly? DeliveryDate = null, string? DeliveryTime = null, string? Currency = null, string? OrderPageUrl = null);

/// <summary>A member's purchases in one cart (all its linked customers there): count and amount of orders that were not
/// cancelled, and the continuation status of its subscriptions (Active if any is active, else paused, else cancelled).
/// <see cref="Currency"/>: the orders' currency when the cart reports one other than yen (the amount is in its minor units).</summary>
public sealed record CartPurchaseSummary(CartKind Kind, int Orders, long Amount, ContinuationStatus? Status, string? Currency = null);

/// <summary>What the member bought, across every linked customer in every cart.</summary>
public sealed record MemberPurchaseHistory(IReadOnlyList<CartPurchaseSummary> PerCart, IReadOnlyList<MemberOrderView> Recent)
{
    public int OrderCount => PerCart.Sum(c => c.Orders);
    public long OrderTotal => PerCart.Sum(c => c.Amount);
}

/// <summary>
/// Purchases under all of a member's linked customers (README, "Carts": all their purchases count), for 会員詳細,
/// the 1:1 chat panel and the member's own 購入履歴 (LIFF): per-cart totals, and the orders of the last
/// 3 months, newest 12.
/// </summary>
public sealed class MemberPurchases(IDbContextFactory<EcaiDb> dbs, TimeProvider clock)
{
    public const int RecentMonths = 3;
    public const int RecentShown = 12;

    public async Task<MemberPurchaseHistory> GetAsync(long memberId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var orders =
            from l in db.CartLinks
            join c in db.CartCustomers on l.CartCustomerId equals c.Id
            join o in db.CartOrders on new { c.ConnectionId, CustomerExternalId = c.ExternalId } equals new { o.ConnectionId, o.CustomerExternalId }
            join k in db.CartConnections on o.ConnectionId equals k.Id
            where l.MemberId == memberId
            select new { o, k.Kind };
        var totals = await orders.Where(x => !x.o.Cancelled).GroupBy(x => x.Kind)
            .Select(g => new { Kind = g.Key, Orders = g.Count(), Amount = g.Sum(x => x.o.Amount), Currency = g.Max(x => x.o.Currency) }).ToListAsync(ct);
        var statuses = await (
            from l in db.CartLinks
            join c in db.CartCustomers on l.CartCustomerId equals c.Id
            join s in db.CartSubscriptions on new { c.ConnectionId, CustomerExternalId = c.ExternalId } equals new { s.ConnectionId, s.CustomerExternalId }
            join k in db.CartConnections on s.ConnectionId equals k.Id
            where l.MemberId == memberId && s.Status != ContinuationStatus.Unspecified
            select new { k.Kind, s.Status }).Distinct().ToListAsync(ct);
        var kinds = totals.Select(t => t.Kind).Union(statuses.Select(s => s.Kind)).Order();
        var perCart = kinds.Select(kind => new CartPurchaseSummary(kind,
            totals.FirstOrDefault(t => t.Kind == kind)?.Orders ?? 0, totals.FirstOrDefault(t => t.Kind == kind)?.Amount ?? 0,
            StatusOf(statuses.Where(s => s.Kind == kind).Select(s => s.Status)), totals.FirstOrDefault(t => t.Kind == kind)?.Currency)).ToList();

        var since = clock.GetUtcNow().AddMonths(-RecentMonths);
        var recent = await orders.Where(x => x.o.OrderedAt >= since).OrderByDescending(x => x.o.OrderedAt).ThenByDescending(x => x.o.Id)
            .Take(RecentShown)
            .Select(x => new { x.Kind, x.o.ExternalId, x.o.Number, x.o.OrderedAt, x.o.Amount, x.o.ShippedAt, x.o.DeliveryMethod, x.o.Cancelled, x.o.Times,
                x.o.DeliveryDate, x.o.DeliveryTime, x.o.Currency,
                Items = x.o.Items.OrderBy(i => i.LineNo).Select(i => new { i.ProductName, i.CourseName }).ToList() })
            .ToListAsync(ct);
        return new MemberPurchaseHistory(perCart, recent.Select(x => new MemberOrderView(x.Kind, x.ExternalId, x.Number, x.OrderedAt, x.Amount,
            x.ShippedAt, x.DeliveryMethod, x.Cancelled, x.Times, string.Join("、", x.Items.Select(i => i.ProductName)),
            string.Join("、", x.Items.Select(i => i.CourseName).OfType<string>().Distinct()), x.DeliveryDate, x.DeliveryTime, x.Currency)).ToList());
    }

    private static ContinuationStatus? StatusOf(IEnumerable<ContinuationStatus> statuses)
    {
        var set = statuses.ToHashSet();
        return set.Count == 0 ? null
            : set.Contains(ContinuationStatus.Active) ? ContinuationStatus.Active
            : set.Contains(ContinuationStatus.Paused) ? ContinuationStatus.Paused
            : ContinuationStatus.Cancelled;
    }
}
