using System.Data.Common;
using System.Diagnostics;
using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Tags;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Bench;

/// <summary>
/// `bench --due [--orders N] [--members N]`: 引上フォローメッセージ's due scan at scale (issue 6). One bot with one ecforce-like
/// connection written straight into a fresh SQLite file with set-wise SQL (recursive CTEs): N members (70% linked to a
/// customer), N customers, the orders spread over three years of shipping dates (≈ N/1095 a day, so a week holds ~0.7% of
/// them), 5% not shipped yet, 2% cancelled, 1–2 lines each from 200 product codes, and 4 follow messages (two priorities
/// for one product, one with a tag target, one for the 2nd delivery) with scenarios up to 7 days after shipping.
/// Prints the first planning run (plan_first_ms, due_planned) and the median of 5 steady runs after one warm-up, when
/// nothing new is due: the every-minute case (due_scan_ms).
/// </summary>
internal static class DueScanBench
{
    private const int Products = 200;
    private const int Days = 1095;

    public static async Task<int> RunAsync(string directory, int members, int orders)
    {
        var file = Path.Combine(directory, "due.db");
        await using var services = BenchShop.BuildServices(file, directory, new Dictionary<string, string?>());
        var dbs = services.GetRequiredService<IDbContextFactory<EcaiDb>>();
        await Database.MigrateAsync(dbs, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        int botId, connectionId;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var bot = new Bot { Name = "ベンチ", CreatedAt = now };
            db.Bots.Add(bot);
            await db.SaveChangesAsync();
            var connection = new CartConnection
            {
                BotId = bot.Id, Kind = CartKind.Ecforce, CartDomain = "bench.example.jp", ApiBaseUrl = "https://bench.example.jp",
                ProtectedSecrets = "-", State = ConnectionState.Connected, CreatedAt = now,
            };
            db.CartConnections.Add(connection);
            await db.SaveChangesAsync();
            (botId, connectionId) = (bot.Id, connection.Id);
        }
        var seed = Stopwatch.StartNew();
        var vip = await SeedAsync(file, botId, connectionId, members, orders, now);
        Print("mode", "due");
        Print("members", members);
        Print("orders", orders);
        Print("seed_s", seed.Elapsed.TotalSeconds.ToString("F2"));

        var follow = services.GetRequiredService<FollowMessages>();
        FollowScenarioDraft At(int days, int hour) => new()
        {
            DaysAfter = days, AtTime = new TimeOnly(hour, 0), Content = new MessageContent([new Bubble { Kind = BubbleKind.Text, Text = "{name}様 ご購入ありがとうございます" }]),
        };
        FollowDraft[] drafts =
        [
            new() { Name = "美容液 VIP", ProductCode = "P001", Filter = new MemberFilter { TagsAll = [vip] }, Scenarios = [At(1, 10), At(3, 18), At(7, 12)] },
            new() { Name = "美容液", ProductCode = "P001", Scenarios = [At(2, 18), At(5, 12)] },
            new() { Name = "定期2回目", ProductCode = "P002", Times = 2, Scenarios = [At(1, 12)] },
            new() { Name = "石けん", ProductCode = "P003", Scenarios = [At(3, 9), At(6, 20)] },
        ];
        foreach (var draft in drafts)
        {
            draft.ConnectionId = connectionId;
            draft.Enabled = true;
            var (errors, _) = await follow.SaveAsync(botId, draft, CancellationToken.None);
            if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors));
        }

        var planner = services.GetRequiredService<FollowPlanner>();
        var clock = Stopwatch.StartNew();
        var planned = await planner.PlanAsync(botId, now, CancellationToken.None);
        Print("plan_first_ms", clock.Elapsed.TotalMilliseconds.ToString("F0"));
        Print("due_planned", planned);
        long again = 0;
        var steady = await MedianMsAsync(async () => again += await planner.PlanAsync(botId, now, CancellationToken.None));
        Print("due_replanned", again);
        Print("due_scan_ms", steady.ToString("F0"));
        return 0;
    }

    private static async Task<double> MedianMsAsync(Func<Task> run)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[2];
    }

    /// <summary>Writes the shop set-wise in one transaction; returns the id of the tag "VIP" (held by 20% of the members).</summary>
    private static async Task<int> SeedAsync(string file, int botId, int connectionId, int members, int orders, DateTimeOffset now)
    {
        await using var db = new SqliteConnection($"Data Source={file}");
        await db.OpenAsync();
        await ExecAsync(db, null, "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
        (string, object?)[] args = [("@bot", botId), ("@connection", connectionId), ("@n", members), ("@orders", orders), ("@now", now.UtcTicks),
            ("@day", TimeSpan.TicksPerDay), ("@products", Products), ("@days", Days)];
        const string numbers = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @n)";
        const string orderNumbers = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @orders)";

        await ExecAsync(db, tx, """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @products)
            INSERT INTO CartProducts (ConnectionId, Code, Name, CourseName)
            SELECT @connection, printf('P%03d', i), '商品' || i, CASE WHEN i < 20 THEN '定期コース' || i END FROM n
            """, args);
        await ExecAsync(db, tx, $"""
            {numbers}
            INSERT INTO Members (BotId, LineUserId, DisplayName, FriendAddedAt, IsBlocked, Points)
            SELECT @bot, printf('U%032x', i), '会員' || i, @now - ((i * 7919) % 548) * @day, i % 33 = 0, 0 FROM n
            """, args);
        await ExecAsync(db, tx, $"""
            {numbers}
            INSERT INTO CartCustomers (ConnectionId, BotId, ExternalId, Name, UpdatedAt) SELECT @connection, @bot, 'C' || i, '顧客' || i, @now FROM n
            """, args);
        await ExecAsync(db, tx, """
            INSERT INTO CartLinks (BotId, MemberId, CartCustomerId, ConnectionId, CustomerExternalId, Key, LinkedAt)
            SELECT @bot, m.Id, c.Id, @connection, c.ExternalId, 1, @now
            FROM Members m JOIN CartCustomers c ON c.ConnectionId = @connection AND c.Id = m.Id
            WHERE m.BotId = @bot AND m.Id % 10 < 7
            """, args);
        // Shipping dates over three years (order i ships (i·7919 mod 1095) days ago, at a spread time of day), 5% not shipped,
        // 2% cancelled; subscription deliveries numbered 1–6.
        await ExecAsync(db, tx, $"""
            {orderNumbers}
            INSERT INTO CartOrders (ConnectionId, ExternalId, CustomerExternalId, Number, OrderedAt, Amount, ShippedAt, Times, Cancelled, UpdatedAt)
            SELECT @connection, 'O' || i, 'C' || ((i * 48271) % @n), 'N-' || i, s - 2 * @day, 1980 + (i % 7) * 1000,
                   CASE WHEN i % 20 <> 7 THEN s END, 1 + i % 6, i % 50 = 0, @now
            FROM (SELECT i, @now - ((i * 7919) % @days) * @day - (i % 86400) * 10000000 AS s FROM n)
            """, args);
        await ExecAsync(db, tx, $"""
            {orderNumbers}
            INSERT INTO CartOrderItems (ConnectionId, OrderExternalId, LineNo, ProductCode, ProductName, CourseName, Quantity, Price)
            SELECT @connection, 'O' || i, 1, printf('P%03d', p), '商品' || p, CASE WHEN p < 20 THEN '定期コース' || p END, 1, 1980
            FROM (SELECT i, (i * 31 + i / 7) % @products AS p FROM n)
            """, args);
        await ExecAsync(db, tx, $"""
            {orderNumbers}
            INSERT INTO CartOrderItems (ConnectionId, OrderExternalId, LineNo, ProductCode, ProductName, CourseName, Quantity, Price)
            SELECT @connection, 'O' || i, 2, printf('P%03d', p), '商品' || p, NULL, 1, 1000
            FROM (SELECT i, (i * 17 + 100) % @products AS p FROM n WHERE i % 3 = 0)
            """, args);
        await ExecAsync(db, tx, "INSERT INTO Tags (BotId, Name, Folder, CreatedAt) VALUES (@bot, 'VIP', 'ベンチ', @now)", args);
        int vip;
        await using (var last = db.CreateCommand())
        {
            last.Transaction = tx;
            last.CommandText = "SELECT last_insert_rowid()";
            vip = Convert.ToInt32(await last.ExecuteScalarAsync());
        }
        await ExecAsync(db, tx, "INSERT INTO MemberTags (MemberId, TagId, AddedAt) SELECT m.Id, @tag, @now FROM Members m WHERE m.BotId = @bot AND m.Id % 5 = 0",
            [.. args, ("@tag", vip)]);
        await tx.CommitAsync();
        return vip;
    }

    private static async Task ExecAsync(DbConnection db, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandTimeout = 0;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Add(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    private static void Print(string name, object value) => Console.WriteLine($"{name}={value}");
}
