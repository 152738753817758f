using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>One cart customer a member is linked to, with the link's key and time, and a deep link into the cart.</summary>
public sealed record LinkedCustomerView(
    CartKind Kind, string CartName, string CustomerExternalId, string? CustomerNumber, string? CustomerName, LinkKey Key,
    DateTimeOffset LinkedAt, string? CustomerPageUrl);

/// <summary>
/// 会員詳細: the member, its tags, the cart customers linked to it, their purchases, and — when it is not linked —
/// why not, in Japanese (match health).
/// </summary>
public sealed record MemberDetail(
    Member Member, IReadOnlyList<TagOption> Tags, IReadOnlyList<LinkedCustomerView> Customers, MemberPurchaseHistory Purchases,
    IReadOnlyList<string> NotLinkedReasons);

/// <summary>Reads 会員詳細 for one member of a bot (null when the member is not the bot's).</summary>
public sealed class MemberDetails(IDbContextFactory<EcaiDb> dbs, IEnumerable<ICartClientFactory> carts, MemberPurchases purchases, MatchHealth health)
{
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
        ICartClientFactory? Cart(CartKind kind) => carts.FirstOrDefault(f => f.Supports(kind));
        var pages = links.Select(x => Cart(x.Kind)?.CustomerPageUrl(x.CartDomain, x.ExternalId)).ToList();

        // A cart without customer pages (楽天RMS) links the customer to its newest order's page instead, where it has order
        // pages: one query over the member's links to such carts.
        var orderLinked = links.Where((_, i) => pages[i] is null).Select(x => x.ConnectionId).Distinct().ToList();
        var newest = orderLinked.Count == 0 ? [] : (await (
                from l in db.CartLinks
                join o in db.CartOrders on new { l.ConnectionId, l.CustomerExternalId } equals new { o.ConnectionId, o.CustomerExternalId }
                where l.MemberId == memberId && orderLinked.Contains(l.ConnectionId)
                select new { o.ConnectionId, o.CustomerExternalId, o.ExternalId, o.OrderedAt }).ToListAsync(ct))
            .GroupBy(o => (o.ConnectionId, o.CustomerExternalId)).ToDictionary(g => g.Key, g => g.MaxBy(o => o.OrderedAt)!.ExternalId);
        var customers = links.Select((x, i) => new LinkedCustomerView(x.Kind, CartNames.Of(x.Kind), x.ExternalId, x.Number, x.Name, x.Key, x.LinkedAt,
            pages[i] ?? (newest.TryGetValue((x.ConnectionId, x.ExternalId), out var order) ? Cart(x.Kind)?.OrderPageUrl(x.CartDomain, order) : null))).ToList();

        // Each recent order links to its page in the cart's admin where the cart has one (one connection per cart kind per bot).
        var domains = links.GroupBy(x => x.Kind).ToDictionary(g => g.Key, g => g.First().CartDomain);
        var history = await purchases.GetAsync(memberId, ct);
        history = history with
        {
            Recent = [.. history.Recent.Select(o => domains.TryGetValue(o.Kind, out var domain) && Cart(o.Kind)?.OrderPageUrl(domain, o.OrderExternalId) is { } url
                ? o with { OrderPageUrl = url } : o)],
        };

        var tags = await (from mt in db.MemberTags join t in db.Tags on mt.TagId equals t.Id
                          where mt.MemberId == memberId orderby t.Name select new TagOption(t.Id, t.Name, t.Folder)).ToListAsync(ct);
        return new MemberDetail(member, tags, customers, history, customers.Count > 0 ? [] : await NotLinkedReasonsAsync(member, ct));
    }

    /// <summary>Why a member is not linked: its one match-health reason (<see cref="MatchHealth"/>), in the operator's words.</summary>
    private async Task<IReadOnlyList<string>> NotLinkedReasonsAsync(Member member, CancellationToken ct) =>
        await health.ReasonForAsync(member.BotId, member.Id, ct) is { } reason ? [MatchReasons.Explain(reason)] : [];
}
