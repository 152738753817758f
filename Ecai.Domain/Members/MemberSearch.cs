using System.Data.Common;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Members;

public enum MemberSort { FriendAddedAt = 0, Id = 1, DisplayName = 2, Orders = 3, Amount = 4, LastPurchase = 5 }

/// <summary>One row of 会員リスト.</summary>
public sealed record MemberRow(
    long Id, string DisplayName, string? RegisteredName, DateTimeOffset FriendAddedAt, bool IsBlocked,
    IReadOnlyList<CartKind> LinkedCarts, int Orders, long Amount, DateTimeOffset? LastPurchaseAt);

/// <summary>A product or course a filter can pick, per cart connection (from what the imports saw).</summary>
public sealed record ProductOption(int ConnectionId, CartKind Kind, string Code, string Name, string? CourseName);

/// <summary>A tag a filter can pick.</summary>
public sealed record TagOption(int Id, string Name, string? Folder);

/// <summary>
/// 会員リスト's queries: the members a <see cref="MemberFilter"/> selects, counted and paged in SQL
/// (one statement each, after one that ranks the required tags when there are several), and the products / courses
/// the filter's dropdowns offer.
/// </summary>
public sealed class MemberSearch(IDbContextFactory<EcaiDb> dbs)
{
    public const int MaxPageSize = 200;

    public async Task<long> CountAsync(int botId, MemberFilter filter, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (where, args) = MemberFilterSql.Compile(db.Dialect, botId, await RarestTagFirstAsync(filter, ct));
        // Only compiled conditions and parameter names are spliced in; every value is a parameter.
        var sql = $"SELECT count(*) AS Value FROM Members m WHERE {where}";
        var counts = await db.Database.SqlQueryRaw<long>(sql, Parameters(db, args)).ToListAsync(ct);
        return counts.Single();
    }

    /// <summary>
    /// A page of the selected members with their linked carts, purchase totals and last purchase (computed for the page's
    /// rows only). Sorting by purchases joins each member's totals or last order date, aggregated once for the bot in the
    /// same statement; members without purchases sort as 0 / never.
    /// </summary>
    public async Task<IReadOnlyList<MemberRow>> PageAsync(int botId, MemberFilter filter, MemberSort sort, bool descending, int skip, int take,
        CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (where, args) = MemberFilterSql.Compile(db.Dialect, botId, await RarestTagFirstAsync(filter, ct));
        var direction = descending ? " DESC" : "";
        var (join, key) = sort switch
        {
            MemberSort.Id => ("", "m.Id"),
            MemberSort.DisplayName => ("", "m.DisplayName"),
            MemberSort.Orders => ($"LEFT JOIN ({MemberFilterSql.PurchaseTotals}) p ON p.MemberId = m.Id", "coalesce(p.Orders, 0)"),
            MemberSort.Amount => ($"LEFT JOIN ({MemberFilterSql.PurchaseTotals}) p ON p.MemberId = m.Id", "coalesce(p.Amount, 0)"),
            MemberSort.LastPurchase => ($"LEFT JOIN ({LastPurchases}) p ON p.MemberId = m.Id", "coalesce(p.LastAt, 0)"),
            _ => ("", "m.FriendAddedAt"),
        };
        var order = key + direction + ", m.Id" + direction;
        args.Add(("@take", Math.Clamp(take, 1, MaxPageSize)));
        args.Add(("@skip", Math.Max(0, skip)));
        var sql = $"""
            SELECT m.Id, m.DisplayName, m.RegisteredName, m.FriendAddedAt, m.IsBlocked,
              (SELECT {db.Dialect.Pick(sqlite: "group_concat(DISTINCT k.Kind)", postgres: "string_agg(DISTINCT CAST(k.Kind AS text), ',')")}
               FROM CartLinks l JOIN CartConnections k ON k.Id = l.ConnectionId WHERE l.MemberId = m.Id) AS Carts,
              {MemberFilterSql.Total("Orders")} AS Orders,
              {MemberFilterSql.Total("Amount")} AS Amount,
              (SELECT max(o.OrderedAt) {MemberFilterSql.Orders} WHERE l.MemberId = m.Id) AS LastAt
            FROM Members m {join} WHERE {where}
            ORDER BY {order} LIMIT @take OFFSET @skip
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql, Parameters(db, args)).ToListAsync(ct);
        return rows.Select(r => new MemberRow(r.Id, r.DisplayName, r.RegisteredName, new DateTimeOffset(r.FriendAddedAt, TimeSpan.Zero), r.IsBlocked,
            r.Carts is null ? [] : r.Carts.Split(',').Select(k => (CartKind)int.Parse(k)).Order().ToList(), r.Orders, r.Amount,
            r.LastAt is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null)).ToList();
    }

    /// <summary>Every linked member's latest non-cancelled order (UTC ticks) for bot @bot, in one pass over its links and their orders.</summary>
    private const string LastPurchases = $"""
        SELECT l.MemberId AS MemberId, max(o.OrderedAt) AS LastAt
        {MemberFilterSql.Orders}
        WHERE l.BotId = @bot
        GROUP BY l.MemberId
        """;

    public async Task<IReadOnlyList<TagOption>> TagsAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Tags.Where(t => t.BotId == botId).OrderBy(t => t.Folder).ThenBy(t => t.Name)
            .Select(t => new TagOption(t.Id, t.Name, t.Folder)).ToListAsync(ct);
    }

    /// <summary>Every product the bot's carts have sold or listed, for the filter's product and course dropdowns.</summary>
    public async Task<IReadOnlyList<ProductOption>> ProductsAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from p in db.CartProducts
                      join k in db.CartConnections on p.ConnectionId equals k.Id
                      where k.BotId == botId
                      orderby k.Kind, p.Name, p.Code
                      select new ProductOption(p.ConnectionId, k.Kind, p.Code, p.Name, p.CourseName)).ToListAsync(ct);
    }

    public const int ProductSearchLimit = 30;

    /// <summary>
    /// The filter's product picker: the bot's products (in <paramref name="connectionId"/>'s cart when given) whose name or
    /// code contains <paramref name="text"/> (all when blank), one per code, by name, at most <see cref="ProductSearchLimit"/>.
    /// </summary>
    public async Task<IReadOnlyList<ProductOption>> SearchProductsAsync(int botId, string? text, int? connectionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var products = from p in db.CartProducts
                       join k in db.CartConnections on p.ConnectionId equals k.Id
                       where k.BotId == botId && (connectionId == null || p.ConnectionId == connectionId)
                       select new { p, k.Kind };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + text.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            // Case-insensitive as SQLite's LIKE is (PostgreSQL's LIKE is not: ILIKE there).
            products = db.Dialect.Provider == DatabaseProvider.Postgres
                ? products.Where(x => EF.Functions.ILike(x.p.Name, pattern, @"\") || EF.Functions.ILike(x.p.Code, pattern, @"\"))
                : products.Where(x => EF.Functions.Like(x.p.Name, pattern, @"\") || EF.Functions.Like(x.p.Code, pattern, @"\"));
        }
        var found = await products.OrderBy(x => x.p.Name).ThenBy(x => x.p.Code).ThenBy(x => x.Kind)
            .Select(x => new ProductOption(x.p.ConnectionId, x.Kind, x.p.Code, x.p.Name, x.p.CourseName))
            .Take(ProductSearchLimit * 2).ToListAsync(ct);
        return found.DistinctBy(p => p.Code).Take(ProductSearchLimit).ToList();
    }

    /// <summary>The product of this code in the bot's carts (the picker's label for a filter opened from a link); null when unknown.</summary>
    public async Task<ProductOption?> ProductAsync(int botId, string code, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from p in db.CartProducts
                      join k in db.CartConnections on p.ConnectionId equals k.Id
                      where k.BotId == botId && p.Code == code
                      orderby k.Kind
                      select new ProductOption(p.ConnectionId, k.Kind, p.Code, p.Name, p.CourseName)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The course names the bot's products carry, for the filter's course dropdown.</summary>
    public async Task<IReadOnlyList<string>> CoursesAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from p in db.CartProducts
                      join k in db.CartConnections on p.ConnectionId equals k.Id
                      where k.BotId == botId && p.CourseName != null
                      select p.CourseName!).Distinct().OrderBy(c => c).ToListAsync(ct);
    }

    /// <summary>
    /// The filter with its required tags ordered by how many members hold them (counted up to a cap on the TagId index, all
    /// in one statement), so the rarest drives the query and the others are only probed.
    /// </summary>
    private async Task<MemberFilter> RarestTagFirstAsync(MemberFilter filter, CancellationToken ct)
    {
        var tags = filter.TagsAll.Distinct().ToList();
        if (tags.Count < 2) return filter;
        var sql = string.Join("\nUNION ALL ", tags.Select((_, i) =>
            $"SELECT @t{i} AS TagId, (SELECT count(*) FROM (SELECT 1 FROM MemberTags WHERE TagId = @t{i} LIMIT 200000) x) AS Size"));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sizes = await db.Database.SqlQueryRaw<TagSize>(sql, Parameters(db, tags.Select((t, i) => ($"@t{i}", (object?)t)))).ToListAsync(ct);
        return filter with { TagsAll = [.. sizes.OrderBy(s => s.Size).Select(s => s.TagId)] };
    }

    /// <summary>The arguments as parameters of the context's provider.</summary>
    private static object[] Parameters(EcaiDb db, IEnumerable<(string Name, object? Value)> args)
    {
        var factory = DbProviderFactories.GetFactory(db.Database.GetDbConnection())!;
        return args.Select(a =>
        {
            var parameter = factory.CreateParameter()!;
            parameter.ParameterName = a.Name;
            parameter.Value = a.Value ?? DBNull.Value;
            return (object)parameter;
        }).ToArray();
    }

    private sealed record TagSize(int TagId, long Size);

    private sealed record Row(long Id, string DisplayName, string? RegisteredName, long FriendAddedAt, bool IsBlocked, string? Carts, int Orders, long Amount, long? LastAt);
}
