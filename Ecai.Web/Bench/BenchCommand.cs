using Ecai.Domain.Data;
using System.Diagnostics;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Web.Bench.Carts;

namespace Ecai.Web.Bench;

/// <summary>
/// `dotnet run -c Release --project Ecai.Web -- bench [--cart ecforce] [--throttled] [--orders N] [--customers N] [--members N]`:
/// seeds the cart's sandbox, pulls through the real connector over loopback HTTP into a fresh
/// SQLite file, links all members (link_all_s), reads 連携状況 (health_ms), and prints one name=value
/// per line. With --throttled the sandbox enforces the cart's real request limit and the bench prints
/// allowed_rps and used_rps.
/// `bench --link [--customers 1000000] [--members 100000] [--registrations 1000]`: single registrations
/// against a million customers instead (<see cref="LinkBench"/>).
/// `bench --segments [--members 1000000] [--orders 5000000] [--seed-file path] [--no-sweep]`: filter, tag-rule sweep and dashboard
/// times at a million members (<see cref="SegmentBench"/>).
/// `bench --send [--members 20000]`: pushes through the send ledger vs raw pushes against the LINE sandbox (<see cref="SendBench"/>).
/// `bench --due [--orders 5000000] [--members 500000]`: 引上フォローメッセージ's due scan (<see cref="DueScanBench"/>).
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string[] sqliteOnly = ["--link", "--send", "--segments", "--due"];
        if (Text(args, "--provider") is { } provider && !provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
            && (!provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || sqliteOnly.Any(args.Contains)))
        {
            Console.Error.WriteLine($"--provider {provider}: the pull bench runs on sqlite or postgres; {string.Join(", ", sqliteOnly)} run on SQLite only so far.");
            return 2;
        }
        if (args.Contains("--link"))
        {
            var linkDir = Directory.CreateTempSubdirectory("ecai-bench-link-");
            try
            {
                return await LinkBench.RunAsync(linkDir.FullName, Arg(args, "--customers", 1_000_000), Arg(args, "--members", 100_000),
                    Arg(args, "--registrations", 1_000));
            }
            finally
            {
                DatabaseSettings.ClearPools();
                linkDir.Delete(recursive: true);
            }
        }
        if (args.Contains("--send"))
        {
            var sendDir = Directory.CreateTempSubdirectory("ecai-bench-send-");
            try
            {
                return await SendBench.RunAsync(sendDir.FullName, Arg(args, "--members", 20_000));
            }
            finally
            {
                DatabaseSettings.ClearPools();
                sendDir.Delete(recursive: true);
            }
        }
        if (args.Contains("--segments"))
        {
            var segmentDir = Directory.CreateTempSubdirectory("ecai-bench-segments-");
            try
            {
                return await SegmentBench.RunAsync(segmentDir.FullName, Arg(args, "--members", 1_000_000), Arg(args, "--orders", 5_000_000), Text(args, "--seed-file"),
                    sweep: !args.Contains("--no-sweep"));
            }
            finally
            {
                DatabaseSettings.ClearPools();
                segmentDir.Delete(recursive: true);
            }
        }
        if (args.Contains("--due"))
        {
            var dueDir = Directory.CreateTempSubdirectory("ecai-bench-due-");
            try { return await DueScanBench.RunAsync(dueDir.FullName, Arg(args, "--members", 500_000), Arg(args, "--orders", 5_000_000)); }
            finally
            {
                DatabaseSettings.ClearPools();
                dueDir.Delete(recursive: true);
            }
        }
        var cartName = Text(args, "--cart") ?? "ecforce";
        if (BenchCarts.Find(cartName) is not { } cart)
        {
            Console.Error.WriteLine($"Unknown cart '{cartName}'. Carts: {string.Join(", ", BenchCarts.All.Select(c => c.Name))}");
            return 2;
        }
        var throttled = args.Contains("--throttled");
        var orders = Arg(args, "--orders", throttled ? 2_000 : 200_000);
        var customers = Arg(args, "--customers", throttled ? 1_000 : 100_000);
        var members = Arg(args, "--members", throttled ? 1_000 : 100_000);
        var dir = Directory.CreateTempSubdirectory("ecai-bench-");
        await using var databases = await BenchDatabase.StartAsync(Text(args, "--provider"), dir.FullName);
        try
        {
            // A long-running server pulls with fully optimised code. .NET compiles in tiers, so a first
            // pull in a fresh process runs partly unoptimised: warm up with a pull of the same size (at most 200,000 orders) from
            // another shop first (not measured; its time is printed as cold_pull_s).
            var cold = Stopwatch.StartNew();
            await using (var warmup = await BenchShop.StartAsync(cart, databases.New("warmup"), Path.Combine(dir.FullName, "warmup"), seed: 3,
                Math.Min(customers, 100_000), Math.Min(orders, 200_000), throttled: false))
            {
                cold.Restart();
                await warmup.PullAsync();
            }
            var coldSeconds = cold.Elapsed.TotalSeconds;

            await using var shop = await BenchShop.StartAsync(cart, databases.New("run"), Path.Combine(dir.FullName, "run"), seed: 7, customers, orders, throttled);
            var (services, sandbox, botId) = (shop.Services, shop.Sandbox, shop.BotId);
            var requestsBefore = sandbox.Requests;

            // 1. Pull (no members yet, so the pull's own linking step is empty and timed separately below).
            var clock = Stopwatch.StartNew();
            var pull = await shop.PullAsync();
            var pullSeconds = clock.Elapsed.TotalSeconds;
            var usedRps = (sandbox.Requests - requestsBefore) / pullSeconds;

            // 2. Link M members (80% carry a customer's phone, or e-mail for Shopify) against the imported customers.
            var byEmail = cart.Kind == Ecai.Domain.Carts.CartKind.Shopify;
            var people = Enumerable.Range(0, members).Select(i =>
            {
                var key = i % 5 == 4 ? null : sandbox.CustomerKey(i % Math.Max(1, customers));
                return new NewMember($"U{i:x32}", $"会員{i}", DateTimeOffset.UtcNow.AddDays(-i % 540),
                    byEmail ? null : key, byEmail ? key : null);
            }).ToList();
            await services.GetRequiredService<MemberImport>().AddAsync(botId, people, CancellationToken.None);
            people.Clear();
            clock.Restart();
            var links = await services.GetRequiredService<Linker>().LinkBotAsync(botId, CancellationToken.None);
            var linkSeconds = clock.Elapsed.TotalSeconds;
            var healthMs = await HealthMsAsync(services.GetRequiredService<MatchHealth>(), botId);

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var peakMb = self.PeakWorkingSet64 / (1024 * 1024);

            // 3. The same rows inserted with prepared statements in one transaction: the ceiling.
            var rawSeconds = await RawInsert.RunAsync(shop.Db, databases.New("raw"));

            var ordersPerSecond = pull.Orders / pullSeconds;
            var rawPerSecond = pull.Orders / rawSeconds;
            Print("provider", databases.Provider.ToString().ToLowerInvariant());
            Print("cart", cart.Name);
            Print("orders", pull.Orders);
            Print("customers", pull.Customers);
            Print("subscriptions", pull.Subscriptions);
            Print("skipped", pull.Skipped);
            Print("cold_pull_s", coldSeconds.ToString("F2"));
            Print("pull_s", pullSeconds.ToString("F2"));
            Print("orders_per_s", ordersPerSecond.ToString("F0"));
            Print("raw_insert_per_s", rawPerSecond.ToString("F0"));
            Print("ratio", (ordersPerSecond / rawPerSecond).ToString("F2"));
            if (sandbox.AllowedRps is { } allowed) Print("allowed_rps", allowed.ToString("F2"));
            Print("used_rps", usedRps.ToString("F2"));
            Print("members", members);
            Print("links", links);
            Print("link_all_s", linkSeconds.ToString("F2"));
            Print("health_ms", healthMs.ToString("F0"));
            Print("peak_mb", peakMb);
            return 0;
        }
        finally
        {
            DatabaseSettings.ClearPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>連携状況's summary: the median of 5 reads after one warm-up read.</summary>
    internal static async Task<double> HealthMsAsync(MatchHealth health, int botId)
    {
        await health.SummaryAsync(botId, CancellationToken.None);
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await health.SummaryAsync(botId, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[2];
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1].Replace("_", ""), out var value) ? value : fallback;
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static void Print(string name, object value) => Console.WriteLine($"{name}={value}");
}
