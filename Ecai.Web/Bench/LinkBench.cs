using System.Data.Common;
using System.Diagnostics;
using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Members;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Bench;

/// <summary>
/// `bench --link [--customers N] [--members N] [--registrations N]`: instant linking at scale. An
/// ecforce connection holds N cart customers with one order each, written straight into a fresh
/// SQLite file with set-wise SQL (no pull: this figure is about linking). Then, one at a time,
/// <see cref="MemberContacts.SetAsync"/> registers a phone on a different member (80% match a
/// customer) and the bench prints the median and 95th percentile of those calls, plus the
/// 連携状況 summary time at this size. Registrations stop after two minutes (registrations= says how many ran).
/// </summary>
internal static class LinkBench
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string directory, int customers, int members, int registrations)
    {
        var file = Path.Combine(directory, "link.db");
        await using var services = BenchShop.BuildServices(file, directory, new Dictionary<string, string?>());
        var dbs = services.GetRequiredService<IDbContextFactory<EcaiDb>>();
        await Database.MigrateAsync(dbs, CancellationToken.None);
        int botId, connectionId;
        await using (var db = await dbs.CreateDbContextAsync())
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
        }

        // 1. Customers 0901xxxxxxx with one order each, and members without a phone: set-wise, not timed as linking.
        var seed = Stopwatch.StartNew();
        await SeedCustomersAsync(file, botId, connectionId, customers);
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<MemberImport>().AddAsync(botId,
            Enumerable.Range(0, members).Select(i => new NewMember($"U{i:x32}", $"会員{i}", now.AddMinutes(-i))).ToList(), CancellationToken.None);
        var seedSeconds = seed.Elapsed.TotalSeconds;
        List<long> memberIds;
        await using (var db = await dbs.CreateDbContextAsync())
            memberIds = await db.Members.Where(m => m.BotId == botId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();

        // 2. Registrations, one member each, spread over the members; the first few warm the code up (not measured).
        var contacts = services.GetRequiredService<MemberContacts>();
        var random = new Random(11);
        const int warmup = 20;
        var step = Math.Max(1, memberIds.Count / (registrations + warmup));
        var times = new List<double>(registrations);
        var linked = 0;
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < registrations + warmup; i++)
        {
            // A slow linker must not hold the bench for half an hour: past the budget, report what was measured.
            if (budget.Elapsed > Budget && times.Count > 0) break;
            var member = memberIds[(i * step) % memberIds.Count];
            var phone = i % 5 == 4
                ? $"080-2{random.Next(0, 1000):D3}-{random.Next(0, 10000):D4}" // matches nobody
                : Phone(random.Next(0, customers));
            int version;
            await using (var db = await services.GetRequiredService<IDbContextFactory<EcaiDb>>().CreateDbContextAsync())
                version = await db.Members.Where(m => m.Id == member).Select(m => m.Version).SingleAsync(); // as 会員詳細 loaded it
            var clock = Stopwatch.StartNew();
            var result = await contacts.SetAsync(botId, member, new ProfileInput(null, phone, null, null), version, removePhone: false, CancellationToken.None);
            var ms = clock.Elapsed.TotalMilliseconds;
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Values));
            if (i < warmup) continue;
            times.Add(ms);
            if (result.LinkedCustomers > 0) linked++;
        }
        times.Sort();

        // 3. 連携状況 at this size.
        var health = services.GetRequiredService<MatchHealth>();
        var healthMs = await BenchCommand.HealthMsAsync(health, botId);

        Print("mode", "link");
        Print("customers", customers);
        Print("members", members);
        Print("registrations", times.Count);
        Print("registrations_linked", linked);
        Print("seed_s", seedSeconds.ToString("F2"));
        Print("link_one_ms", Percentile(times, 0.5).ToString("F2"));
        Print("link_one_p95_ms", Percentile(times, 0.95).ToString("F2"));
        Print("health_ms", healthMs.ToString("F0"));
        return 0;
    }

    /// <summary>The phone of customer <paramref name="index"/> as a person types it: 090-1xxx-xxxx.</summary>
    private static string Phone(int index) => $"090-1{index / 10000:D3}-{index % 10000:D4}";

    private static async Task SeedCustomersAsync(string file, int botId, int connectionId, int customers)
    {
        await using var db = new SqliteConnection($"Data Source={file}");
        await db.OpenAsync();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
        var ticks = DateTimeOffset.UtcNow.UtcTicks;
        (string, object?)[] args = [("@bot", botId), ("@connection", connectionId), ("@n", customers), ("@now", ticks)];
        await SqlExecuteAsync(db, tx, """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @n)
            INSERT INTO CartCustomers (ConnectionId, BotId, ExternalId, Number, Name, PhoneRaw, PhoneNormalized, UpdatedAt)
            SELECT @connection, @bot, 'C' || i, 'C-' || i, '顧客' || i,
                   '090-1' || printf('%03d', i / 10000) || '-' || printf('%04d', i % 10000),
                   '+81901' || printf('%07d', i), @now
            FROM n
            """, args);
        await SqlExecuteAsync(db, tx, """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @n)
            INSERT INTO CartOrders (ConnectionId, ExternalId, CustomerExternalId, Number, OrderedAt, Amount, Cancelled, UpdatedAt)
            SELECT @connection, 'O' || i, 'C' || i, 'N-' || i, @now - i * 600000000, 3980, 0, @now
            FROM n
            """, args);
        await tx.CommitAsync();
    }

    private static async Task SqlExecuteAsync(DbConnection db, DbTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandTimeout = 0;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Add(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Print(string name, object value) => Console.WriteLine($"{name}={value}");
}
