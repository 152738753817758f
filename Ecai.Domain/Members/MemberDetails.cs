using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>One cart customer a member is linked to, with the link's key and time, and a deep link into the cart.</summary>
public sealed record LinkedCustomerView(
    CartKind Kind, string CartName, string CustomerExternalId, string? CustomerNumber, string? CustomerName, LinkKey Key,
    DateTimeOffset LinkedAt, string? CustomerPageUrl);

/// <summary>One order of any of the member's linked customers.</summary>
public sealed record MemberOrderView(
    CartKind Kind, string OrderExternalId, string? Number, DateTimeOffset OrderedAt, long Amount, DateTimeOffset? ShippedAt,
    string? DeliveryMethod, bool Cancelled, int? Times, string Products);

/// <summary>
/// 会員詳細: the member, the cart customers linked to it, their newest orders, and — when it is not linked —
/// why not, in Japanese (match health).
/// </summary>
public sealed record MemberDetail(
    Member Member, IReadOnlyList<LinkedCustomerView> Customers, IReadOnlyList<MemberOrderView> Orders, int OrderCount, long OrderTotal,
    IReadOnlyList<string> NotLinkedReasons);

/// <summary>Reads 会員詳細 for one member of a bot (null when the member is not the bot's).</summary>
public sealed class MemberDetails(IDbContextFactory<EcaiDb> dbs, IEnumerable<ICartClientFactory> carts)
{
    public const int OrdersShown = 20;
    private readonly MatchHealth _health = new(dbs);

    public async Task<MemberDetail?> GetAsync(int botId, long memberId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.BotId == botId, ct);
        if (member is null) return null;

        var links = await (
            from l in db.CartLinks
            join c in db.CartCustomers on l.CartCustomerId equals c.Id
            join k in db.CartConnections on l.ConnectionId equals k.Id
            where l.MemberId == memberId
            orderby l.LinkedAt, l.Id
            select new { k.Kind, k.CartDomain, c.ConnectionId, c.ExternalId, c.Number, c.Name, l.Key, l.LinkedAt }).ToListAsync(ct);
        var customers = links.Select(x => new LinkedCustomerView(x.Kind, CartNames.Of(x.Kind), x.ExternalId, x.Number, x.Name, x.Key, x.LinkedAt,
            carts.FirstOrDefault(f => f.Supports(x.Kind))?.CustomerPageUrl(x.CartDomain, x.ExternalId))).ToList();

        // All purchases under any linked customer count (product.md).
        var orders =
            from l in db.CartLinks
            join c in db.CartCustomers on l.CartCustomerId equals c.Id
            join o in db.CartOrders on new { c.ConnectionId, CustomerExternalId = c.ExternalId } equals new { o.ConnectionId, o.CustomerExternalId }
            join k in db.CartConnections on o.ConnectionId equals k.Id
            where l.MemberId == memberId
            select new { o, k.Kind };
        var count = await orders.CountAsync(x => !x.o.Cancelled, ct);
        var total = await orders.Where(x => !x.o.Cancelled).SumAsync(x => (long?)x.o.Amount, ct) ?? 0;
        var newest = await orders.OrderByDescending(x => x.o.OrderedAt).Take(OrdersShown)
            .Select(x => new { x.Kind, x.o.ExternalId, x.o.Number, x.o.OrderedAt, x.o.Amount, x.o.ShippedAt, x.o.DeliveryMethod, x.o.Cancelled, x.o.Times,
                Products = x.o.Items.OrderBy(i => i.LineNo).Select(i => i.ProductName).ToList() })
            .ToListAsync(ct);
        return new MemberDetail(member, customers,
            newest.Select(x => new MemberOrderView(x.Kind, x.ExternalId, x.Number, x.OrderedAt, x.Amount, x.ShippedAt, x.DeliveryMethod,
                x.Cancelled, x.Times, string.Join("、", x.Products))).ToList(),
            count, total, customers.Count > 0 ? [] : await NotLinkedReasonsAsync(member, ct));
    }

    /// <summary>Why a member is not linked: its one match-health reason (<see cref="MatchHealth"/>), in the operator's words.</summary>
    private async Task<IReadOnlyList<string>> NotLinkedReasonsAsync(Member member, CancellationToken ct) =>
        await _health.ReasonForAsync(member.BotId, member.Id, ct) is { } reason ? [MatchReasons.Explain(reason)] : [];
}
