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
    Member Member, IReadOnlyList<string> Tags, IReadOnlyList<LinkedCustomerView> Customers, MemberPurchaseHistory Purchases,
    IReadOnlyList<string> NotLinkedReasons);

/// <summary>Reads 会員詳細 for one member of a bot (null when the member is not the bot's).</summary>
public sealed class MemberDetails(IDbContextFactory<EcaiDb> dbs, IEnumerable<ICartClientFactory> carts, MemberPurchases purchases)
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
        var customers = links.Select(x => new LinkedCustomerView(x.Kind, CartNames.Of(x.Kind), x.ExternalId, x.Number, x.Name, x.Key, x.LinkedAt,
            carts.FirstOrDefault(f => f.Supports(x.Kind))?.CustomerPageUrl(x.CartDomain, x.ExternalId))).ToList();

        var tags = await (from mt in db.MemberTags join t in db.Tags on mt.TagId equals t.Id
                          where mt.MemberId == memberId orderby t.Name select t.Name).ToListAsync(ct);
        return new MemberDetail(member, tags, customers, await purchases.GetAsync(memberId, ct),
            customers.Count > 0 ? [] : await NotLinkedReasonsAsync(db, member, ct));
    }

    /// <summary>Why a member is not linked: each key it has (or lacks), checked against what has been imported.</summary>
    private static async Task<IReadOnlyList<string>> NotLinkedReasonsAsync(EcaiDb db, Member member, CancellationToken ct)
    {
        var reasons = new List<string>();
        var kinds = await db.CartConnections.Where(k => k.BotId == member.BotId).Select(k => k.Kind).ToListAsync(ct);
        if (kinds.Count == 0) return ["このBOTにはまだカートが連携されていません。外部連携からカートを連携してください。"];
        if (member.PhoneRaw is null && member.EmailRaw is null)
            reasons.Add("電話番号もメールアドレスも登録されていません。本人確認フォームで入力してもらうか、ここで入力してください。");
        if (member.PhoneRaw is not null && member.PhoneNormalized is null)
            reasons.Add($"電話番号「{member.PhoneRaw}」は日本の電話番号として読み取れません。");
        if (member.PhoneNormalized is { } phone && kinds.Any(k => k != CartKind.Shopify))
        {
            var customers = await db.CartCustomers.Where(c => c.BotId == member.BotId && c.PhoneNormalized == phone)
                .Select(c => new { HasOrder = db.CartOrders.Any(o => o.ConnectionId == c.ConnectionId && o.CustomerExternalId == c.ExternalId) })
                .ToListAsync(ct);
            reasons.Add(customers.Count == 0
                ? "この電話番号のカート顧客はまだ取り込まれていません。カートで購入されると、次回の取込で連携します。"
                : "この電話番号のカート顧客はいますが、受注がないため連携していません(受注のない顧客は連携しません)。受注が入ると次回の取込で連携します。");
        }
        if (member.EmailNormalized is { } email && kinds.Contains(CartKind.Shopify)
            && !await db.CartCustomers.AnyAsync(c => c.BotId == member.BotId && c.EmailNormalized == email, ct))
            reasons.Add("このメールアドレスのShopify顧客はまだ取り込まれていません。");
        if (member.PhoneNormalized is null && member.EmailNormalized is not null && !kinds.Contains(CartKind.Shopify))
            reasons.Add("メールアドレスで連携するのはShopifyだけです。電話番号を登録してください。");
        return reasons;
    }
}
