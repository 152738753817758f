using Ecai.Domain.Data;

namespace Ecai.Domain.Dashboard;

/// <summary>
/// One JST month of a bot: how many members became friends in it and how many of those are linked now. Kept exact by
/// SQLite triggers on Members and CartLinks (<see cref="DashboardCounterTriggers"/>), in the transaction of every change,
/// so ホーム reads a few dozen rows instead of counting a million members.
/// </summary>
public sealed class FriendMonthCount
{
    public int BotId { get; set; }
    /// <summary>yyyyMM of the JST month, e.g. 202611.</summary>
    public int Month { get; set; }
    public int Friends { get; set; }
    public int Linked { get; set; }
}

/// <summary>How many distinct members are linked through one cart connection; kept by the same triggers.</summary>
public sealed class ConnectionLinkCount
{
    public int ConnectionId { get; set; }
    public int BotId { get; set; }
    public int Members { get; set; }
}

/// <summary>
/// The triggers that keep <see cref="FriendMonthCount"/> and <see cref="ConnectionLinkCount"/> exact are each provider's
/// initial migration (SQLite: row triggers; PostgreSQL: statement triggers over transition tables for inserts). Here are
/// their names (the model declares them) and the statements that rebuild both tables from the data, which the tests
/// compare with what the triggers kept.
/// </summary>
public static class DashboardCounterTriggers
{
    public static readonly string[] Names =
    [
        "Members_Counters_Insert", "Members_Counters_Delete", "Members_Counters_Move",
        "CartLinks_Counters_Insert", "CartLinks_Counters_Delete",
    ];

    private static string Linked(string member) =>
        $"CASE WHEN EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = {member}.BotId AND l.MemberId = {member}.Id) THEN 1 ELSE 0 END";

    /// <summary>Recomputes both counter tables from Members and CartLinks.</summary>
    public static IEnumerable<string> Rebuild(SqlDialect dialect) =>
    [
        "DELETE FROM FriendMonthCounts",
        $"""
        INSERT INTO FriendMonthCounts (BotId, Month, Friends, Linked)
        SELECT m.BotId, {dialect.JstMonth("m.FriendAddedAt")}, count(*), sum({Linked("m")}) FROM Members m GROUP BY 1, 2
        """,
        "DELETE FROM ConnectionLinkCounts",
        """
        INSERT INTO ConnectionLinkCounts (ConnectionId, BotId, Members)
        SELECT l.ConnectionId, l.BotId, count(DISTINCT l.MemberId) FROM CartLinks l JOIN CartConnections k ON k.Id = l.ConnectionId GROUP BY 1, 2
        """,
    ];
}
