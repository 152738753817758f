using System.Diagnostics;
using System.Globalization;
using Ecai.Domain.Bots;
using Ecai.Domain.Data;
using Ecai.Domain.Line;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Integrations.Line.Sandbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecai.Web.Bench;

/// <summary>
/// `bench --send [--members N]`: the send ledger's throughput against the LINE sandbox on Kestrel at 127.0.0.1 with its
/// limits on. Seeds N members (default 20,000), friends of the sandbox's channel; then prints raw_sends_per_s (N pushes
/// straight through <see cref="ILineMessenger"/>, same concurrency as the dispatcher, paced by the client), sends_per_s (N Delivery
/// rows planned set-wise, then sent by <see cref="DeliveryDispatcher"/>), and ledger_overhead (1 − ledger/raw, in %).
/// </summary>
internal static class SendBench
{
    private const string Token = "bench-channel-access-token";

    public static async Task<int> RunAsync(string directory, int members)
    {
        var store = new LineSandboxStore();
        store.AcceptAccessToken(Token);
        await using var sandbox = await LineSandbox.StartAsync(store);
        var file = Path.Combine(directory, "send.db");
        await using var services = BenchShop.BuildServices(file, directory, new Dictionary<string, string?>
        {
            ["Ecai:Line:ApiBaseUrl"] = sandbox.BaseUrl,
        });
        if (services.GetService<ILineMessenger>() is not { } messenger)
        {
            Console.Error.WriteLine("No ILineMessenger is registered (the LINE Messaging API client is not merged yet).");
            return 3;
        }
        var dbs = services.GetRequiredService<IDbContextFactory<EcaiDb>>();
        await Database.MigrateAsync(dbs, CancellationToken.None);
        int botId;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var bot = new Bot { Name = "ベンチ", CreatedAt = DateTimeOffset.UtcNow };
            db.Bots.Add(bot);
            await db.SaveChangesAsync();
            botId = bot.Id;
        }
        var saved = await services.GetRequiredService<LineChannels>().SaveAsync(botId,
            new LineChannelSettings("2000000001", "0123456789abcdef0123456789abcdef", Token, null), loadedVersion: 0, CancellationToken.None); // the bot just made
        if (!saved.Succeeded) throw new InvalidOperationException(string.Join(" ", saved.Errors.Values));

        var now = DateTimeOffset.UtcNow;
        var users = Enumerable.Range(0, members).Select(i => new NewMember($"U{i:x32}", $"会員{i}", now.AddMinutes(-i))).ToList();
        await services.GetRequiredService<MemberImport>().AddAsync(botId, users, CancellationToken.None);
        foreach (var user in users) store.AddFriend(user.LineUserId, user.DisplayName);
        var options = services.GetRequiredService<IOptions<DispatchOptions>>().Value;
        var content = new MessageContent([new Bubble { Kind = BubbleKind.Text, Text = MessageContent.NameVariable + "さん、ベンチです" }]);

        // 1. Raw: N pushes straight through the client (which paces them), same concurrency, no ledger. A first untimed
        // pass opens the connections and compiles the path, so both timed passes start warm.
        await PushAllAsync(users.Take(Math.Min(1_000, members)).ToList(), false);
        var raw = Stopwatch.StartNew();
        var rawSent = await PushAllAsync(users, true);
        var rawPerSecond = rawSent / raw.Elapsed.TotalSeconds;

        async Task<long> PushAllAsync(List<NewMember> to, bool retry)
        {
            long sent = 0;
            await Parallel.ForEachAsync(to, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, async (user, ct) =>
            {
                var key = Guid.NewGuid();
                for (var attempt = 0; attempt < (retry ? options.MaxAttempts : 1); attempt++)
                {
                    var result = await messenger.PushAsync(Token, user.LineUserId, content.ToLineMessages(user.DisplayName), key, ct);
                    if (result.Outcome == PushOutcome.Sent) { Interlocked.Increment(ref sent); return; }
                    if (result.Outcome is PushOutcome.Refused or PushOutcome.QuotaExceeded) return;
                }
            });
            return sent;
        }

        // 2. Ledger: the same number of rows planned set-wise (not timed), then dispatched.
        await PlanAsync(file, botId, content, now);
        var dispatcher = services.GetRequiredService<DeliveryDispatcher>();
        var ledger = Stopwatch.StartNew();
        var sent = 0L;
        for (var round = 0; round < 10; round++) // rows a bare 429 pushed back are due again a few seconds later
        {
            var result = await dispatcher.DispatchAsync(botId, CancellationToken.None);
            sent += result.Sent;
            if (result.Retrying == 0 || sent >= members) break;
            await Task.Delay(options.RateLimitBackoff);
        }
        var ledgerPerSecond = sent / ledger.Elapsed.TotalSeconds;

        Print("members", members);
        Print("raw_sends", rawSent);
        Print("raw_sends_per_s", rawPerSecond.ToString("F0", CultureInfo.InvariantCulture));
        Print("sends", sent);
        Print("sends_per_s", ledgerPerSecond.ToString("F0", CultureInfo.InvariantCulture));
        Print("ledger_overhead", ((1 - ledgerPerSecond / rawPerSecond) * 100).ToString("F1", CultureInfo.InvariantCulture) + "%");
        return 0;
    }

    /// <summary>One Pending push row per member (own retry key each), set-wise as a planner writes them.</summary>
    private static async Task PlanAsync(string file, int botId, MessageContent content, DateTimeOffset now)
    {
        await using var db = new SqliteConnection($"Data Source={file}");
        await db.OpenAsync();
        await using var tx = db.BeginTransaction();
        await using var insert = db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO StoredMessages (BotId, ContentJson, CreatedAt) VALUES (@bot, @json, @now) RETURNING Id";
        insert.Add("@bot", botId);
        insert.Add("@json", content.ToJson());
        insert.Add("@now", now.UtcTicks);
        var message = Convert.ToInt64(await insert.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var plan = db.CreateCommand();
        plan.Transaction = tx;
        plan.CommandText = $"""
            INSERT INTO Deliveries (BotId, MemberId, Source, SourceId, Occurrence, MessageId, RetryKey, DueAt, State, Attempts, CreatedAt)
            SELECT m.BotId, m.Id, {(int)DeliverySource.Broadcast}, 1, 0, @message, printf('%s%012X', @prefix, m.Id), @now, 0, 0, @now
            FROM Members m WHERE m.BotId = @bot
            """;
        plan.Add("@bot", botId);
        plan.Add("@message", message);
        plan.Add("@now", now.UtcTicks);
        plan.Add("@prefix", Guid.NewGuid().ToString("D").ToUpperInvariant()[..24]);
        await plan.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private static void Print(string name, object value) => Console.WriteLine($"{name}={value}");
}
