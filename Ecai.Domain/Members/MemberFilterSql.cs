using System.Text;
using Ecai.Domain.Data;
using Ecai.Domain.Time;

namespace Ecai.Domain.Members;

/// <summary>
/// Compiles a <see cref="MemberFilter"/> into one SQL condition over <c>Members m</c> with its parameters,
/// so a count, a page or a bulk update is a single statement evaluated in the database, never member by member.
/// <c>CROSS JOIN a … WHERE</c> (the join's condition in the WHERE) fixes SQLite's join order to the one written; PostgreSQL
/// reads it as an inner join and orders it itself.
/// </summary>
public static class MemberFilterSql
{
    /// <summary>The member's non-cancelled orders, through every linked cart customer (add "WHERE l.MemberId = m.Id").</summary>
    internal const string Orders = """
        FROM CartLinks l
        JOIN CartOrders o ON o.ConnectionId = l.ConnectionId AND o.CustomerExternalId = l.CustomerExternalId AND o.Cancelled = FALSE
        """;

    /// <summary>
    /// A member's non-cancelled order count (<c>Orders</c>) or amount (<c>Amount</c>): the sum of its linked customers'
    /// totals, which the import keeps (<see cref="Carts.CustomerOrderTotal"/>).
    /// </summary>
    internal static string Total(string column) => $"""
        (SELECT coalesce(sum(t.{column}), 0) FROM CartLinks l
         CROSS JOIN CustomerOrderTotals t
         WHERE t.ConnectionId = l.ConnectionId AND t.CustomerExternalId = l.CustomerExternalId AND l.MemberId = m.Id)
        """;

    /// <summary>
    /// Every linked member's order count and amount for bot @bot in one pass over its links and their customers' totals.
    /// Members without orders have no row. Prefix with "INSERT INTO x (MemberId, Orders, Amount)".
    /// </summary>
    internal const string PurchaseTotals = """
        SELECT l.MemberId AS MemberId, sum(t.Orders) AS Orders, sum(t.Amount) AS Amount
        FROM CartLinks l
        CROSS JOIN CustomerOrderTotals t
        WHERE t.ConnectionId = l.ConnectionId AND t.CustomerExternalId = l.CustomerExternalId AND l.BotId = @bot
        GROUP BY l.MemberId HAVING sum(t.Orders) > 0
        """;

    /// <summary>The WHERE clause (without "WHERE") and its parameters, for bot <paramref name="botId"/> in
    /// <paramref name="dialect"/>'s SQL.</summary>
    /// <param name="purchaseTotals">A table of <see cref="PurchaseTotals"/> rows (MemberId primary key) computed in this
    /// transaction: count and amount conditions become lists read from it instead of summing each member's customers (a
    /// sweep's many rules).</param>
    public static (string Where, List<(string Name, object? Value)> Parameters) Compile(SqlDialect dialect, int botId, MemberFilter filter,
        string? purchaseTotals = null)
    {
        // With an "m.Id IN (…)" condition below, "+m.BotId" (the unary plus keeps SQLite off the (BotId, …) index) lets the
        // list drive the query by rowid; without one, the (BotId, FriendAddedAt) index serves the scan and the page order.
        // PostgreSQL's planner chooses by its statistics: no hint there.
        var sql = new StringBuilder("m.BotId = @bot");
        var driven = false;
        var args = new List<(string, object?)> { ("@bot", botId) };
        string Arg(object? value)
        {
            var name = "@f" + args.Count;
            args.Add((name, value));
            return name;
        }
        void And(string condition) => sql.Append("\n  AND ").Append(condition);

        // Correlated conditions, member by member: tag probes (an index seek each) and purchase conditions (a sum or a
        // search over the member's linked customers each). The costly ones are asked only of members the probes let
        // through, in that order (a CASE, as SQLite may otherwise evaluate them first); see the end.
        var probes = new List<string>();
        var costly = new List<string>();

        // Set conditions are non-correlated "m.Id IN (SELECT …)" lists: each is read once through its selective index
        // (MemberTags(TagId), CartOrderItems(ConnectionId, ProductCode | CourseName), …), never probed member by member.
        void In(string condition)
        {
            driven = true;
            And(condition);
        }

        // What was bought drives the query when it is asked for (its list is read whole in any case). Otherwise the first
        // required tag does (callers put the rarest first, see MemberSearch); the other tags are probes of the
        // (MemberId, TagId) key for the members the driver yields.
        var bought = filter.ProductCode is not null || filter.CourseName is not null;
        var required = filter.TagsAll.Distinct().ToList();
        for (var i = 0; i < required.Count; i++)
            if (i == 0 && !bought) In($"m.Id IN (SELECT t.MemberId FROM MemberTags t WHERE t.TagId = {Arg(required[i])})");
            else probes.Add($"EXISTS (SELECT 1 FROM MemberTags t WHERE t.MemberId = m.Id AND t.TagId = {Arg(required[i])})");
        if (filter.TagsAny.Count > 0)
            In($"m.Id IN (SELECT t.MemberId FROM MemberTags t WHERE t.TagId IN ({string.Join(", ", filter.TagsAny.Distinct().Select(t => Arg(t)))}))");
        if (filter.TagsNone.Count > 0)
            And($"m.Id NOT IN (SELECT t.MemberId FROM MemberTags t WHERE t.TagId IN ({string.Join(", ", filter.TagsNone.Distinct().Select(t => Arg(t)))}))");

        if (filter.Link != LinkState.Any)
        {
            var connection = filter.LinkConnectionId is { } id ? $" AND l.ConnectionId = {Arg(id)}" : "";
            var condition = $"IN (SELECT l.MemberId FROM CartLinks l WHERE l.BotId = @bot{connection})";
            if (filter.Link == LinkState.Unlinked) And("m.Id NOT " + condition);
            else In("m.Id " + condition);
        }

        if (filter.FriendFrom is { } friendFrom) And($"m.FriendAddedAt >= {Arg(StartOf(friendFrom))}");
        if (filter.FriendTo is { } friendTo) And($"m.FriendAddedAt < {Arg(StartOf(friendTo.AddDays(1)))}");
        if (filter.Blocked is { } blocked) And($"m.IsBlocked = {(blocked ? "TRUE" : "FALSE")}");

        // What was bought (and when): the members behind the matching order lines, from the lines' index outwards (each
        // line carries its order's customer, cancellation and date; each link its customer's key). CROSS JOIN fixes SQLite's
        // join order to the one written (lines → links).
        string Connections() => filter.PurchaseConnectionId is { } only
            ? $"= {Arg(only)}"
            : "IN (SELECT k.Id FROM CartConnections k WHERE k.BotId = @bot)";
        if (bought)
        {
            var lines = new StringBuilder($"""
                m.Id IN (SELECT l.MemberId FROM CartOrderItems i
                 CROSS JOIN CartLinks l
                 WHERE l.ConnectionId = i.ConnectionId AND l.CustomerExternalId = i.CustomerExternalId
                   AND i.ConnectionId {Connections()} AND i.Cancelled = FALSE
                """);
            if (filter.ProductCode is { } product) lines.Append($" AND i.ProductCode = {Arg(product)}");
            if (filter.CourseName is { } course) lines.Append($" AND i.CourseName = {Arg(course)}");
            if (filter.PurchasedFrom is { } from) lines.Append($" AND i.OrderedAt >= {Arg(StartOf(from))}");
            if (filter.PurchasedTo is { } to) lines.Append($" AND i.OrderedAt < {Arg(StartOf(to.AddDays(1)))}");
            In(lines.Append(')').ToString());
        }
        else if (filter.PurchasedFrom is not null || filter.PurchasedTo is not null)
        {
            var orders = new StringBuilder($"EXISTS (SELECT 1 {Orders}\n WHERE l.MemberId = m.Id");
            if (filter.PurchaseConnectionId is { } connection) orders.Append($" AND o.ConnectionId = {Arg(connection)}");
            if (filter.PurchasedFrom is { } from) orders.Append($" AND o.OrderedAt >= {Arg(StartOf(from))}");
            if (filter.PurchasedTo is { } to) orders.Append($" AND o.OrderedAt < {Arg(StartOf(to.AddDays(1)))}");
            costly.Add(orders.Append(')').ToString());
        }

        void Purchases(string column, string correlated, long? min, long? max)
        {
            if (min is null && max is null) return;
            if (purchaseTotals is null) costly.Add(Between(correlated, min, max, Arg));
            // Members without orders have no totals row: a range without 0 lists the members in it, a range with 0
            // leaves out the members outside it.
            else if (min > 0) In($"m.Id IN (SELECT p.MemberId FROM {purchaseTotals} p WHERE {Between("p." + column, min, max, Arg)})");
            else And($"m.Id NOT IN (SELECT p.MemberId FROM {purchaseTotals} p WHERE NOT ({Between("p." + column, min, max, Arg)}))");
        }
        Purchases("Orders", Total("Orders"), filter.PurchaseCountMin, filter.PurchaseCountMax);
        Purchases("Amount", Total("Amount"), filter.AmountMin, filter.AmountMax);

        if (filter.Status is { } status)
            In($"""
                m.Id IN (SELECT l.MemberId FROM CartSubscriptions s
                  CROSS JOIN CartLinks l
                  WHERE l.ConnectionId = s.ConnectionId AND l.CustomerExternalId = s.CustomerExternalId
                    AND s.ConnectionId IN (SELECT k.Id FROM CartConnections k WHERE k.BotId = @bot) AND s.Status = {Arg((int)status)})
                """);

        // Birthdays are 'yyyy-MM-dd' text on SQLite, dates on PostgreSQL; MMDD compares month and day without the year.
        var monthDay = dialect.Pick(
            sqlite: "CAST(substr(m.Birthday, 6, 2) || substr(m.Birthday, 9, 2) AS INTEGER)",
            postgres: "CAST(to_char(m.Birthday, 'MMDD') AS INTEGER)");
        var birthMonth = dialect.Pick(sqlite: "CAST(substr(m.Birthday, 6, 2) AS INTEGER)", postgres: "CAST(to_char(m.Birthday, 'MM') AS INTEGER)");
        if (filter is { BirthdayFrom: { } bFrom, BirthdayTo: { } bTo })
            And(bFrom <= bTo
                ? $"m.Birthday IS NOT NULL AND {monthDay} BETWEEN {Arg(bFrom)} AND {Arg(bTo)}"
                : $"m.Birthday IS NOT NULL AND ({monthDay} >= {Arg(bFrom)} OR {monthDay} <= {Arg(bTo)})");
        if (filter.BirthMonth is { } month) And($"m.Birthday IS NOT NULL AND {birthMonth} = {Arg(month)}");

        if (costly.Count == 0) probes.ForEach(And);
        else if (probes.Count == 0) costly.ForEach(And);
        else And($"CASE WHEN {string.Join("\n  AND ", probes)}\n  THEN {string.Join("\n  AND ", costly.Select(c => $"({c})"))} ELSE FALSE END");

        if (driven) sql.Insert(0, dialect.Pick(sqlite: "+", postgres: ""));
        return (sql.ToString(), args);
    }

    private static string Between(string value, long? min, long? max, Func<object?, string> arg) => (min, max) switch
    {
        ({ } lo, { } hi) => $"{value} BETWEEN {arg(lo)} AND {arg(hi)}",
        ({ } lo, null) => $"{value} >= {arg(lo)}",
        _ => $"{value} <= {arg(max)}",
    };

    private static long StartOf(DateOnly day) => JapanTime.At(day, TimeOnly.MinValue).UtcTicks;
}
