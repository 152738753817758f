using System.Data.Common;
using System.Globalization;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

/// <summary>
/// Why a member is not linked to any cart customer: one reason per member, the first that holds in
/// this order. <see cref="LinkPending"/> is the rest: a matching customer exists, so the next link
/// run (after a pull, or at once when the member's phone or e-mail changes) links it.
/// </summary>
public enum MatchReason
{
    /// <summary>The bot has no cart connection.</summary>
    NoCart = 1,
    /// <summary>Neither a phone nor a usable e-mail address is registered.</summary>
    NoPhoneOrEmail = 2,
    /// <summary>A phone is registered but is not a Japanese number, and there is no e-mail that could link instead.</summary>
    InvalidPhone = 3,
    /// <summary>No phone-cart customer has the member's phone and no Shopify customer its e-mail.</summary>
    NoCustomer = 4,
    /// <summary>A phone-cart customer with the phone exists but has no orders yet: links when one arrives.</summary>
    CustomerWithoutOrders = 5,
    /// <summary>ecforce with LINE-ID linking, and no phone to link by: waits for the customer's LINE ID link in ecforce.</summary>
    LineIdPending = 6,
    /// <summary>Only an e-mail address, and the bot has no Shopify connection (the only cart that links by e-mail).</summary>
    EmailOnlyWithoutShopify = 7,
    /// <summary>A customer that links exists; the next link run links the member.</summary>
    LinkPending = 8,
}

/// <summary>Match health of a bot: linked and total members, and unlinked members per reason (0 for reasons nobody has).</summary>
public sealed record MatchHealthSummary(int Total, int Linked, int BlockedUnlinked, IReadOnlyDictionary<MatchReason, int> PerReason)
{
    public int Unlinked => Total - Linked;

    /// <summary>Linked members as a percentage of all members (0 when there are none).</summary>
    public double LinkedShare => Total == 0 ? 0 : Linked * 100.0 / Total;
}

/// <summary>One unlinked member with its reason; phone and e-mail as entered.</summary>
public sealed record UnlinkedMember(
    long Id, string DisplayName, string? RegisteredName, DateTimeOffset FriendAddedAt, bool IsBlocked,
    string? PhoneRaw, string? EmailRaw, MatchReason Reason);

/// <summary>A page of unlinked members and how many there are in all (for the pager).</summary>
public sealed record UnlinkedPage(IReadOnlyList<UnlinkedMember> Items, int TotalCount);

/// <summary>The operator's words for each <see cref="MatchReason"/>: a short label, and what it means and what to do.</summary>
public static class MatchReasons
{
    public static IReadOnlyList<MatchReason> All { get; } = Enum.GetValues<MatchReason>();

    public static string Label(MatchReason reason) => reason switch
    {
        MatchReason.NoCart => "カート未連携",
        MatchReason.NoPhoneOrEmail => "電話番号・メール未登録",
        MatchReason.InvalidPhone => "電話番号の形式エラー",
        MatchReason.NoCustomer => "一致する顧客なし",
        MatchReason.CustomerWithoutOrders => "受注待ち",
        MatchReason.LineIdPending => "LINE ID連携待ち",
        MatchReason.EmailOnlyWithoutShopify => "メールのみ(Shopifyなし)",
        MatchReason.LinkPending => "連携処理待ち",
        _ => reason.ToString(),
    };

    public static string Explain(MatchReason reason) => reason switch
    {
        MatchReason.NoCart =>
            "このBOTにはまだカートが連携されていません。外部連携からカートを連携すると、登録済みの電話番号・メールアドレスで自動的に連携します。",
        MatchReason.NoPhoneOrEmail =>
            "電話番号もメールアドレスも登録されていません。本人確認フォームで入力してもらうか、会員詳細で入力してください。",
        MatchReason.InvalidPhone =>
            "登録された電話番号は日本の電話番号として読み取れません。会員詳細で正しい番号に直すか、本人確認フォームで入力し直してもらってください。",
        MatchReason.NoCustomer =>
            "登録された電話番号(Shopifyはメールアドレス)に一致するカート顧客がまだ取り込まれていません。カートで購入されると、次回の取込で自動的に連携します。購入時と違う番号の場合は、購入時の番号を登録してもらってください。",
        MatchReason.CustomerWithoutOrders =>
            "この電話番号のカート顧客はいますが、受注がないため連携していません(受注のない顧客は連携しません)。受注が入ると次回の取込で自動的に連携します。対応は不要です。",
        MatchReason.LineIdPending =>
            "ecforceのLINE ID連携を待っています。お客様がecforceでLINE IDを連携し、受注が取り込まれると自動的に連携します。電話番号を登録してもらうと、電話番号でも連携できます。",
        MatchReason.EmailOnlyWithoutShopify =>
            "メールアドレスで連携するのはShopifyだけです。このBOTのカートは電話番号で連携するため、電話番号を登録してもらってください。",
        MatchReason.LinkPending =>
            "一致するカート顧客がいます。次回の取込(または電話番号・メールアドレスの保存)で自動的に連携します。対応は不要です。",
        _ => reason.ToString(),
    };
}

/// <summary>
/// 連携状況: why members are not linked, computed set-wise in SQL with the link rules of
/// <see cref="Linking.Linker"/>. Each unlinked member's reason is one CASE over a few probes of
/// the indexes CartCustomers(BotId, PhoneNormalized), CartCustomers(BotId, EmailNormalized) and
/// CartOrders(ConnectionId, CustomerExternalId); "unlinked" is a probe of CartLinks(MemberId, …).
/// </summary>
public sealed class MatchHealth(IDbContextFactory<EcaiDb> dbs)
{
    public const int MaxPageSize = 200;
    private const string PhoneCarts = "1, 3, 4, 5, 6"; // ecforce, Rakuten, 楽楽リピート, リピスト, サブスクストア (as Linker)
    private const string Unlinked = "m.BotId = @bot AND NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.MemberId = m.Id)";

    public async Task<MatchHealthSummary> SummaryAsync(int botId, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        var db = await OpenAsync(context, ct);
        var reason = await ReasonSqlAsync(db, botId, ct);
        var total = (int)await SqlBatch.ScalarAsync(db, null, "SELECT count(*) FROM Members WHERE BotId = @bot", ct, ("@bot", botId));
        var perReason = MatchReasons.All.ToDictionary(r => r, _ => 0);
        var blocked = 0;
        await using (var command = Command(db, $"""
            SELECT r, count(*), sum(CASE WHEN b THEN 1 ELSE 0 END)
            FROM (SELECT {reason} AS r, m.IsBlocked AS b FROM Members m WHERE {Unlinked}) x GROUP BY r
            """, botId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                perReason[(MatchReason)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                blocked += Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            }
        return new MatchHealthSummary(total, total - perReason.Values.Sum(), blocked, perReason);
    }

    /// <summary>Unlinked members (of one reason, or all), newest friends first; <paramref name="page"/> counts from 0.</summary>
    public async Task<UnlinkedPage> ListAsync(int botId, MatchReason? reason, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var context = await dbs.CreateDbContextAsync(ct);
        var db = await OpenAsync(context, ct);
        var reasonSql = await ReasonSqlAsync(db, botId, ct);
        var filter = reason is { } r ? $"AND ({reasonSql}) = {(int)r}" : "";
        var count = (int)await SqlBatch.ScalarAsync(db, null, $"SELECT count(*) FROM Members m WHERE {Unlinked} {filter}", ct, ("@bot", botId));

        var items = new List<UnlinkedMember>();
        await using var command = Command(db, $"""
            SELECT m.Id, m.DisplayName, m.RegisteredName, m.FriendAddedAt, m.IsBlocked, m.PhoneRaw, m.EmailRaw, {reasonSql}
            FROM Members m WHERE {Unlinked} {filter}
            ORDER BY m.FriendAddedAt DESC, m.Id DESC LIMIT @take OFFSET @skip
            """, botId, ("@take", pageSize), ("@skip", Math.Max(0, page) * (long)pageSize));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            items.Add(new UnlinkedMember(reader.GetInt64(0), reader.GetString(1), Text(reader, 2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), reader.GetBoolean(4), Text(reader, 5), Text(reader, 6),
                (MatchReason)Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture)));
        return new UnlinkedPage(items, count);
    }

    /// <summary>Why one member of the bot is not linked; null when it is linked or not the bot's.</summary>
    public async Task<MatchReason?> ReasonForAsync(int botId, long memberId, CancellationToken ct)
    {
        await using var context = await dbs.CreateDbContextAsync(ct);
        var db = await OpenAsync(context, ct);
        var reason = await ReasonSqlAsync(db, botId, ct);
        await using var command = Command(db, $"SELECT {reason} FROM Members m WHERE {Unlinked} AND m.Id = @member", botId, ("@member", memberId));
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? (MatchReason)Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The reason of member <c>m</c> as a SQL expression. What the bot's connections allow is read
    /// first and written into the expression as constants, so probes that cannot match are skipped.
    /// </summary>
    private static async Task<string> ReasonSqlAsync(DbConnection db, int botId, CancellationToken ct)
    {
        var kinds = new List<CartKind>();
        var lineIdLinking = false;
        await using (var command = Command(db, "SELECT Kind, LineIdLinking FROM CartConnections WHERE BotId = @bot", botId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var kind = (CartKind)reader.GetInt32(0);
                kinds.Add(kind);
                lineIdLinking |= kind == CartKind.Ecforce && reader.GetBoolean(1);
            }
        if (kinds.Count == 0) return ((int)MatchReason.NoCart).ToString(CultureInfo.InvariantCulture);

        // What the connections allow, as constants (SQLite folds its integer 0 in "0 AND …" away; PostgreSQL needs booleans).
        string Constant(bool value) => SqlDialect.Of(db).Pick(sqlite: value ? "1" : "0", postgres: value ? "TRUE" : "FALSE");
        var phoneCart = Constant(kinds.Any(k => k != CartKind.Shopify));
        var shopify = Constant(kinds.Contains(CartKind.Shopify));
        var phoneCustomer = $"""
            EXISTS (SELECT 1 FROM CartCustomers c JOIN CartConnections k ON k.Id = c.ConnectionId AND k.Kind IN ({PhoneCarts})
              WHERE c.BotId = @bot AND c.PhoneNormalized = m.PhoneNormalized
            """;
        var phoneMatch = $"({phoneCart} AND {phoneCustomer}))";
        var phoneOrderMatch = $"""
            ({phoneCart} AND {phoneCustomer}
              AND EXISTS (SELECT 1 FROM CartOrders o WHERE o.ConnectionId = c.ConnectionId AND o.CustomerExternalId = c.ExternalId)))
            """;
        var mailMatch = $"""
            ({shopify} AND EXISTS (SELECT 1 FROM CartCustomers c JOIN CartConnections k ON k.Id = c.ConnectionId AND k.Kind = {(int)CartKind.Shopify}
              WHERE c.BotId = @bot AND c.EmailNormalized = m.EmailNormalized))
            """;
        var usableEmail = $"({shopify} AND m.EmailNormalized IS NOT NULL)";
        return $"""
            CASE
              WHEN m.PhoneRaw IS NULL AND m.EmailNormalized IS NULL THEN {(int)MatchReason.NoPhoneOrEmail}
              WHEN m.PhoneNormalized IS NULL AND m.PhoneRaw IS NOT NULL AND NOT {usableEmail} THEN {(int)MatchReason.InvalidPhone}
              WHEN NOT {phoneMatch} AND NOT {mailMatch} THEN CASE
                WHEN m.PhoneNormalized IS NOT NULL OR {usableEmail} THEN {(int)MatchReason.NoCustomer}
                WHEN {Constant(lineIdLinking)} THEN {(int)MatchReason.LineIdPending}
                WHEN NOT {shopify} THEN {(int)MatchReason.EmailOnlyWithoutShopify}
                ELSE {(int)MatchReason.LinkPending} END
              WHEN NOT {mailMatch} AND NOT {phoneOrderMatch} THEN {(int)MatchReason.CustomerWithoutOrders}
              ELSE {(int)MatchReason.LinkPending}
            END
            """;
    }

    private static async Task<DbConnection> OpenAsync(EcaiDb context, CancellationToken ct)
    {
        await context.Database.OpenConnectionAsync(ct);
        return context.Database.GetDbConnection();
    }

    private static DbCommand Command(DbConnection db, string sql, int botId, params (string Name, object Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        command.Add("@bot", botId);
        foreach (var (name, value) in parameters) command.Add(name, value);
        return command;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
