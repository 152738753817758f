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
/// The triggers that keep <see cref="FriendMonthCount"/> and <see cref="ConnectionLinkCount"/> exact, and the statements
/// that rebuild them from the data (the migration's backfill, and a check in the tests). The DashboardCounters migration
/// runs this text: a change here needs a new migration that drops and re-creates the triggers.
/// </summary>
public static class DashboardCounterTriggers
{
    public static readonly string[] Names =
    [
        "Members_Counters_Insert", "Members_Counters_Delete", "Members_Counters_Move",
        "CartLinks_Counters_Insert", "CartLinks_Counters_Delete",
    ];

    /// <summary>The JST month (yyyyMM) of a FriendAddedAt column (UTC ticks).</summary>
    private static string Month(string ticks) =>
        $"CAST(strftime('%Y%m', ({ticks} - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER)";

    private static string Linked(string member) =>
        $"EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = {member}.BotId AND l.MemberId = {member}.Id)";

    private static string MonthOfMember(string memberId) =>
        $"(SELECT {Month("m.FriendAddedAt")} FROM Members m WHERE m.Id = {memberId})";

    public static IEnumerable<string> Create() =>
    [
        $"""
        CREATE TRIGGER Members_Counters_Insert AFTER INSERT ON Members BEGIN
          INSERT INTO FriendMonthCounts (BotId, Month, Friends, Linked) VALUES (NEW.BotId, {Month("NEW.FriendAddedAt")}, 1, 0)
          ON CONFLICT (BotId, Month) DO UPDATE SET Friends = Friends + 1;
        END
        """,
        // BEFORE: the member's links (deleted after it by the cascade) still say whether it counted as linked.
        $"""
        CREATE TRIGGER Members_Counters_Delete BEFORE DELETE ON Members BEGIN
          UPDATE FriendMonthCounts SET Friends = Friends - 1, Linked = Linked - {Linked("OLD")}
          WHERE BotId = OLD.BotId AND Month = {Month("OLD.FriendAddedAt")};
        END
        """,
        $"""
        CREATE TRIGGER Members_Counters_Move AFTER UPDATE OF FriendAddedAt, BotId ON Members
        WHEN OLD.FriendAddedAt <> NEW.FriendAddedAt OR OLD.BotId <> NEW.BotId BEGIN
          UPDATE FriendMonthCounts SET Friends = Friends - 1, Linked = Linked - {Linked("OLD")}
          WHERE BotId = OLD.BotId AND Month = {Month("OLD.FriendAddedAt")};
          INSERT INTO FriendMonthCounts (BotId, Month, Friends, Linked) VALUES (NEW.BotId, {Month("NEW.FriendAddedAt")}, 1, {Linked("NEW")})
          ON CONFLICT (BotId, Month) DO UPDATE SET Friends = Friends + 1, Linked = Linked + excluded.Linked;
        END
        """,
        // A member's first link makes it linked (its month's count), its first link through a connection counts there.
        $"""
        CREATE TRIGGER CartLinks_Counters_Insert AFTER INSERT ON CartLinks BEGIN
          UPDATE FriendMonthCounts SET Linked = Linked + 1
          WHERE BotId = NEW.BotId AND Month = {MonthOfMember("NEW.MemberId")}
            AND NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = NEW.BotId AND l.MemberId = NEW.MemberId AND l.Id <> NEW.Id);
          INSERT INTO ConnectionLinkCounts (ConnectionId, BotId, Members)
          SELECT NEW.ConnectionId, NEW.BotId, 1
          WHERE NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = NEW.BotId AND l.ConnectionId = NEW.ConnectionId AND l.MemberId = NEW.MemberId AND l.Id <> NEW.Id)
          ON CONFLICT (ConnectionId) DO UPDATE SET Members = Members + 1;
        END
        """,
        $"""
        CREATE TRIGGER CartLinks_Counters_Delete AFTER DELETE ON CartLinks BEGIN
          UPDATE FriendMonthCounts SET Linked = Linked - 1
          WHERE BotId = OLD.BotId AND Month = {MonthOfMember("OLD.MemberId")}
            AND NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = OLD.BotId AND l.MemberId = OLD.MemberId);
          UPDATE ConnectionLinkCounts SET Members = Members - 1
          WHERE ConnectionId = OLD.ConnectionId
            AND NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = OLD.BotId AND l.ConnectionId = OLD.ConnectionId AND l.MemberId = OLD.MemberId);
        END
        """,
    ];

    /// <summary>Recomputes both counter tables from Members and CartLinks.</summary>
    public static IEnumerable<string> Rebuild() =>
    [
        "DELETE FROM FriendMonthCounts",
        $"""
        INSERT INTO FriendMonthCounts (BotId, Month, Friends, Linked)
        SELECT m.BotId, {Month("m.FriendAddedAt")}, count(*), sum({Linked("m")}) FROM Members m GROUP BY 1, 2
        """,
        "DELETE FROM ConnectionLinkCounts",
        """
        INSERT INTO ConnectionLinkCounts (ConnectionId, BotId, Members)
        SELECT l.ConnectionId, l.BotId, count(DISTINCT l.MemberId) FROM CartLinks l JOIN CartConnections k ON k.Id = l.ConnectionId GROUP BY 1, 2
        """,
    ];
}
