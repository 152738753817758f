using System.Data.Common;
using System.Diagnostics;
using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Dashboard;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Members;
using Ecai.Domain.Tags;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Bench;

/// <summary>
/// `bench --segments [--members N] [--orders N]`: segments at scale (issue 5). One bot with one ecforce-like
/// connection, written straight into a fresh SQLite file with set-wise SQL (recursive CTEs, no pull): N members
/// (70% linked to a customer with orders, birthdays over the year, friend dates over 18 months), N customers,
/// 5N orders with 1–2 lines each from 200 product codes (some under a course), subscriptions in every
/// status, 30 tags held by 2%–50% of the members. Then it prints the median of 5 runs (after one warm-up) of
/// 会員リスト's count and first page for 3 tags + a product + purchase count ≥ 2 (filter_ms, filter_page_ms),
/// the sweep of 20 tag rules of every kind (first run that applies the tags, then the steady state: sweep_s),
/// and the home dashboard's snapshot (dashboard_ms).
/// </summary>
internal static class SegmentBench
{
    private const int Tags = 30;
    private const int Products = 200;

    /// <param name="seedFile">When given and present, a copy of it replaces the seeding (a file saved by an earlier run); when given and absent, the seeded file is saved there.</param>
    public static async Task<int> RunAsync(string directory, int members, int orders, string? seedFile, bool sweep = true)
    {
        var file = Path.Combine(directory, "segments.db");
        var reuse = seedFile is not null && File.Exists(seedFile);
        if (reuse) File.Copy(seedFile!, file);
        await using var services = BenchShop.BuildServices(file, directory, new Dictionary<string, string?>());
        var dbs = services.GetRequiredService<IDbContextFactory<EcaiDb>>();
        await Database.MigrateAsync(dbs, CancellationToken.None);
        int botId, connectionId;
        var seed = Stopwatch.StartNew();
        int[] tagIds;
        if (reuse)
        {
            await using var db = await dbs.CreateDbContextAsync();
            botId = await db.Bots.Select(b => b.Id).SingleAsync();
            connectionId = await db.CartConnections.Select(c => c.Id).SingleAsync();
            tagIds = await db.Tags.OrderBy(t => t.Id).Select(t => t.Id).ToArrayAsync();
            members = await db.Members.CountAsync();
            orders = await db.CartOrders.CountAsync();
        }
        else await using (var db = await dbs.CreateDbContextAsync())
        {
            var bot = new Bot { Name = "ベンチ", CreatedAt = DateTimeOffset.UtcNow };
            db.Bots.Add(bot);
            await db.SaveChangesAsync();
            var connection = new CartConnection
            {
                BotId = bot.Id, Kind = CartKind.Ecforce, CartDomain = "bench.example.jp", ApiBaseUrl = "https://bench.example.jp",
                ProtectedSecrets = "-", State = ConnectionState.Connected, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.CartConnections.Add(connection);
            await db.SaveChangesAsync();
            (botId, connectionId) = (bot.Id, connection.Id);
            tagIds = await SeedAsync(file, botId, connectionId, members, orders);
            if (seedFile is not null)
            {
                SqliteConnection.ClearAllPools();
                File.Copy(file, seedFile);
            }
        }
        var seedSeconds = seed.Elapsed.TotalSeconds;
        Print("mode", "segments");
        Print("members", members);
        Print("orders", orders);
        Print("seed_s", seedSeconds.ToString("F2"));

        // 会員リスト: 3 tags (50%, 30%, 10% of the members) + a product + purchase count ≥ 2.
        var search = services.GetRequiredService<MemberSearch>();
        var filter = new MemberFilter { TagsAll = [tagIds[29], tagIds[17], tagIds[5]], ProductCode = "P007", PurchaseCountMin = 2 };
        long count = 0;
        var filterMs = await MedianMsAsync(async () => count = await search.CountAsync(botId, filter, CancellationToken.None));
        var pageMs = await MedianMsAsync(() => search.PageAsync(botId, filter, MemberSort.FriendAddedAt, true, 0, 50, CancellationToken.None));
        Print("filter_count", count);
        Print("filter_ms", filterMs.ToString("F0"));
        Print("filter_page_ms", pageMs.ToString("F0"));

        var dashboard = new DashboardQueries(dbs, TimeProvider.System);
        var dashboardMs = await MedianMsAsync(() => dashboard.SnapshotAsync(botId, CancellationToken.None));
        Print("dashboard_ms", dashboardMs.ToString("F0"));

        if (!sweep) return 0;
        // タグの自動設定: 20 rules of every kind, each on its own tag.
        await AddRulesAsync(dbs, botId, connectionId);
        var engine = services.GetRequiredService<TagRuleEngine>();
        var clock = Stopwatch.StartNew();
        var firstChanges = await engine.RunBotAsync(botId, CancellationToken.None);
        var firstSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var perRule = new RuleTimes();
        var steadyChanges = await engine.RunBotAsync(botId, CancellationToken.None, perRule);
        var steadySeconds = clock.Elapsed.TotalSeconds;
        Print("sweep_first_changes", firstChanges);
        Print("sweep_first_s", firstSeconds.ToString("F2"));
        Print("sweep_changes", steadyChanges);
        Print("sweep_s", steadySeconds.ToString("F2"));
        Print("sweep_rule_s", string.Join(",", perRule.Seconds.Select(x => x.ToString("F2"))));

        return 0;
    }

    /// <summary>Seconds per rule of a sweep, from its progress reports (one after each rule).</summary>
    private sealed class RuleTimes : IJobProgress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        public List<double> Seconds { get; } = [];
        public long JobRunId => 0;

        public void Report(long done, long? total, string? stage = null)
        {
            if (done > 0) Seconds.Add(_clock.Elapsed.TotalSeconds);
            _clock.Restart();
        }
    }

    /// <summary>The median of 5 timed runs after one warm-up run.</summary>
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

    private static async Task AddRulesAsync(IDbContextFactory<EcaiDb> dbs, int botId, int connectionId)
    {
        var now = DateTimeOffset.UtcNow;
        TagRule[] rules =
        [
            new() { Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtLeast, Number = 2 },
            new() { Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.GreaterThan, Number = 5 },
            new() { Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.Equal, Number = 1 },
            new() { Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.AtMost, Number = 3 },
            new() { Kind = TagRuleKind.Product, Text = "P001" },
            new() { Kind = TagRuleKind.Product, Text = "P050", ConnectionId = connectionId },
            new() { Kind = TagRuleKind.Product, Text = "P123" },
            new() { Kind = TagRuleKind.Product, Text = "P199" },
            new() { Kind = TagRuleKind.Course, Text = "定期コース3" },
            new() { Kind = TagRuleKind.Course, Text = "定期コース7", ConnectionId = connectionId },
            new() { Kind = TagRuleKind.Course, Text = "定期コース15" },
            new() { Kind = TagRuleKind.ContinuationStatus, Status = ContinuationStatus.Active },
            new() { Kind = TagRuleKind.ContinuationStatus, Status = ContinuationStatus.Paused },
            new() { Kind = TagRuleKind.ContinuationStatus, Status = ContinuationStatus.Cancelled },
            new() { Kind = TagRuleKind.CartLinked },
            new() { Kind = TagRuleKind.CartLinked, ConnectionId = connectionId },
            new() { Kind = TagRuleKind.BirthdayRange, FromMonthDay = 1220, ToMonthDay = 110 },
            new() { Kind = TagRuleKind.BirthdayRange, FromMonthDay = 401, ToMonthDay = 430 },
            new() { Kind = TagRuleKind.BirthMonth },
            new() { Kind = TagRuleKind.PurchaseCount, Comparison = Comparison.LessThan, Number = 1, Action = TagRuleAction.Remove },
        ];
        await using var db = await dbs.CreateDbContextAsync();
        for (var i = 0; i < rules.Length; i++)
        {
            var tag = new Tag { BotId = botId, Name = $"自動{i:D2}", Folder = "自動", CreatedAt = now };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            rules[i].BotId = botId;
            rules[i].TagId = tag.Id;
            rules[i].CreatedAt = now;
            // The remove rule works on a tag many members already hold (added by rule 0's kind of condition).
            db.TagRules.Add(rules[i]);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Writes the data set-wise in one transaction; returns the ids of the 30 tags (tag k is held by ~(2 + 1.66k)% of the members).</summary>
    private static async Task<int[]> SeedAsync(string file, int botId, int connectionId, int members, int orders)
    {
        await using var db = new SqliteConnection($"Data Source={file}");
        await db.OpenAsync();
        await ExecAsync(db, null, "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow.UtcTicks;
        const long day = TimeSpan.TicksPerDay;
        (string, object?)[] args = [("@bot", botId), ("@connection", connectionId), ("@n", members), ("@orders", orders), ("@now", now),
            ("@day", day), ("@products", Products)];
        const string numbers = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @n)";
        const string orderNumbers = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @orders)";

        await ExecAsync(db, tx, """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @products)
            INSERT INTO CartProducts (ConnectionId, Code, Name, CourseName)
            SELECT @connection, printf('P%03d', i), '商品' || i, CASE WHEN i < 20 THEN '定期コース' || i END FROM n
            """, args);
        // Members: friends over 18 months, 90% with a birthday (years 1960–2005, every day of the year), 3% blocked.
        await ExecAsync(db, tx, $"""
            {numbers}
            INSERT INTO Members (BotId, LineUserId, DisplayName, FriendAddedAt, IsBlocked, Birthday, Points)
            SELECT @bot, printf('U%032x', i), '会員' || i, @now - ((i * 7919) % 548) * @day - (i % 86400) * 10000000,
                   i % 33 = 0,
                   CASE WHEN i % 10 <> 9 THEN date('1960-01-01', '+' || ((i * 104729) % 16800) || ' days') END, 0
            FROM n
            """, args);
        await ExecAsync(db, tx, $"""
            {numbers}
            INSERT INTO CartCustomers (ConnectionId, BotId, ExternalId, Number, Name, PhoneRaw, PhoneNormalized, UpdatedAt)
            SELECT @connection, @bot, 'C' || i, 'C-' || i, '顧客' || i,
                   '090-1' || printf('%03d', i / 10000) || '-' || printf('%04d', i % 10000), '+81901' || printf('%07d', i), @now
            FROM n
            """, args);
        // 70% of the members are linked to "their" customer (same index; member ids start at 1).
        await ExecAsync(db, tx, $"""
            INSERT INTO CartLinks (BotId, MemberId, CartCustomerId, ConnectionId, CustomerExternalId, Key, LinkedAt)
            SELECT @bot, m.Id, c.Id, @connection, c.ExternalId, 1, @now
            FROM Members m JOIN CartCustomers c ON c.ConnectionId = @connection AND c.Id = m.Id
            WHERE m.BotId = @bot AND m.Id % 10 < 7
            """, args);
        // Orders: every customer one, the rest spread over 40% of the customers (repeat buyers); 2% cancelled.
        await ExecAsync(db, tx, $"""
            {orderNumbers}
            INSERT INTO CartOrders (ConnectionId, ExternalId, CustomerExternalId, Number, OrderedAt, Amount, Cancelled, UpdatedAt)
            SELECT @connection, 'O' || i,
                   'C' || CASE WHEN i < @n THEN i ELSE ((i * 48271) % 1000003) % (@n * 2 / 5) * 5 / 2 END,
                   'N-' || i, @now - ((i * 7919) % 540) * @day - (i % 86400) * 10000000, 1980 + (i % 7) * 1000, i % 50 = 0, @now
            FROM n
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
        // Subscriptions: every fifth customer, statuses active / paused / cancelled.
        await ExecAsync(db, tx, $"""
            {numbers}
            INSERT INTO CartSubscriptions (ConnectionId, ExternalId, CustomerExternalId, Status, ProductCode, CourseName, UpdatedAt)
            SELECT @connection, 'S' || i, 'C' || i, (i / 5) % 3 + 1, printf('P%03d', i % 20), '定期コース' || (i % 20), @now
            FROM n WHERE i % 5 = 0
            """, args);
        // The orders went in directly, not through the import: its copies (customer totals, lines' order data) are made here.
        foreach (var sql in PurchaseCopies.Rebuild()) await ExecAsync(db, tx, sql);

        var tagIds = new int[Tags];
        for (var k = 0; k < Tags; k++)
        {
            await ExecAsync(db, tx, "INSERT INTO Tags (BotId, Name, Folder, CreatedAt) VALUES (@bot, @name, 'ベンチ', @now)",
                [.. args, ("@name", $"タグ{k:D2}")]);
            await using (var last = db.CreateCommand())
            {
                last.Transaction = tx;
                last.CommandText = "SELECT last_insert_rowid()";
                tagIds[k] = Convert.ToInt32(await last.ExecuteScalarAsync());
            }
            // Tag k: ~(20 + 16.6k)‰ of the members, picked by a hash so tags overlap like independent traits.
            var perMille = 20 + k * 480 / (Tags - 1);
            await ExecAsync(db, tx, """
                INSERT INTO MemberTags (MemberId, TagId, AddedAt)
                SELECT m.Id, @tag, @now FROM Members m
                WHERE m.BotId = @bot AND (((m.Id + @tag * 7919) * (2654435761 + @tag * 6700417)) % 1000003) % 1000 < @perMille
                """, [.. args, ("@tag", tagIds[k]), ("@perMille", perMille)]);
        }
        await tx.CommitAsync();
        return tagIds;
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
