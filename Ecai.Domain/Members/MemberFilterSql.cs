using System.Text;
using Ecai.Domain.Time;

namespace Ecai.Domain.Members;

/// <summary>
/// Compiles a <see cref="MemberFilter"/> into one SQL condition over <c>Members m</c> with its parameters,
/// so a count, a page or a bulk update is a single statement evaluated in SQLite, never member by member.
/// </summary>
public static class MemberFilterSql
{
    /// <summary>The member's non-cancelled orders, through every linked cart customer (add "WHERE l.MemberId = m.Id").</summary>
    internal const string Orders = """
        FROM CartLinks l
        JOIN CartCustomers c ON c.Id = l.CartCustomerId
        JOIN CartOrders o ON o.ConnectionId = c.ConnectionId AND o.CustomerExternalId = c.ExternalId AND o.Cancelled = 0
        """;

    /// <summary>The WHERE clause (without "WHERE") and its parameters, for bot <paramref name="botId"/>.</summary>
    public static (string Where, List<(string Name, object? Value)> Parameters) Compile(int botId, MemberFilter filter)
    {
        var sql = new StringBuilder("m.BotId = $bot");
        var args = new List<(string, object?)> { ("$bot", botId) };
        string Arg(object? value)
        {
            var name = "$f" + args.Count;
            args.Add((name, value));
            return name;
        }
        void And(string condition) => sql.Append("\n  AND ").Append(condition);

        foreach (var tag in filter.TagsAll.Distinct())
            And($"EXISTS (SELECT 1 FROM MemberTags t WHERE t.MemberId = m.Id AND t.TagId = {Arg(tag)})");
        if (filter.TagsAny.Count > 0)
            And($"EXISTS (SELECT 1 FROM MemberTags t WHERE t.MemberId = m.Id AND t.TagId IN ({string.Join(", ", filter.TagsAny.Distinct().Select(t => Arg(t)))}))");
        if (filter.TagsNone.Count > 0)
            And($"NOT EXISTS (SELECT 1 FROM MemberTags t WHERE t.MemberId = m.Id AND t.TagId IN ({string.Join(", ", filter.TagsNone.Distinct().Select(t => Arg(t)))}))");

        if (filter.Link != LinkState.Any)
        {
            var connection = filter.LinkConnectionId is { } id ? $" AND l.ConnectionId = {Arg(id)}" : "";
            And($"{(filter.Link == LinkState.Unlinked ? "NOT " : "")}EXISTS (SELECT 1 FROM CartLinks l WHERE l.MemberId = m.Id{connection})");
        }

        if (filter.FriendFrom is { } friendFrom) And($"m.FriendAddedAt >= {Arg(StartOf(friendFrom))}");
        if (filter.FriendTo is { } friendTo) And($"m.FriendAddedAt < {Arg(StartOf(friendTo.AddDays(1)))}");
        if (filter.Blocked is { } blocked) And($"m.IsBlocked = {(blocked ? 1 : 0)}");

        // What was bought (and when): one EXISTS over the member's order lines.
        if (filter.ProductCode is not null || filter.CourseName is not null || filter.PurchasedFrom is not null || filter.PurchasedTo is not null)
        {
            var bought = new StringBuilder($"EXISTS (SELECT 1 {Orders}");
            var needsItems = filter.ProductCode is not null || filter.CourseName is not null;
            if (needsItems) bought.Append("\n JOIN CartOrderItems i ON i.ConnectionId = o.ConnectionId AND i.OrderExternalId = o.ExternalId");
            bought.Append("\n WHERE l.MemberId = m.Id");
            if (filter.PurchaseConnectionId is { } connection) bought.Append($" AND o.ConnectionId = {Arg(connection)}");
            if (filter.ProductCode is { } product) bought.Append($" AND i.ProductCode = {Arg(product)}");
            if (filter.CourseName is { } course) bought.Append($" AND i.CourseName = {Arg(course)}");
            if (filter.PurchasedFrom is { } from) bought.Append($" AND o.OrderedAt >= {Arg(StartOf(from))}");
            if (filter.PurchasedTo is { } to) bought.Append($" AND o.OrderedAt < {Arg(StartOf(to.AddDays(1)))}");
            And(bought.Append(')').ToString());
        }

        if (filter.PurchaseCountMin is not null || filter.PurchaseCountMax is not null)
            And(Between($"(SELECT count(*) {Orders} WHERE l.MemberId = m.Id)", filter.PurchaseCountMin, filter.PurchaseCountMax, Arg));
        if (filter.AmountMin is not null || filter.AmountMax is not null)
            And(Between($"(SELECT coalesce(sum(o.Amount), 0) {Orders} WHERE l.MemberId = m.Id)", filter.AmountMin, filter.AmountMax, Arg));

        if (filter.Status is { } status)
            And($"""
                EXISTS (SELECT 1 FROM CartLinks l JOIN CartCustomers c ON c.Id = l.CartCustomerId
                  JOIN CartSubscriptions s ON s.ConnectionId = c.ConnectionId AND s.CustomerExternalId = c.ExternalId
                  WHERE l.MemberId = m.Id AND s.Status = {Arg((int)status)})
                """);

        // Birthdays are stored as 'yyyy-MM-dd'; MMDD compares month and day without the year.
        const string monthDay = "CAST(substr(m.Birthday, 6, 2) || substr(m.Birthday, 9, 2) AS INTEGER)";
        if (filter is { BirthdayFrom: { } bFrom, BirthdayTo: { } bTo })
            And(bFrom <= bTo
                ? $"m.Birthday IS NOT NULL AND {monthDay} BETWEEN {Arg(bFrom)} AND {Arg(bTo)}"
                : $"m.Birthday IS NOT NULL AND ({monthDay} >= {Arg(bFrom)} OR {monthDay} <= {Arg(bTo)})");
        if (filter.BirthMonth is { } month) And($"m.Birthday IS NOT NULL AND CAST(substr(m.Birthday, 6, 2) AS INTEGER) = {Arg(month)}");

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
