using Ecai.Domain;
using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Integrations;
using Ecai.Web.Bench.Carts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Web.Bench;

/// <summary>One benchmark shop: a cart's sandbox on a loopback port, a fresh database, one bot connected to it.</summary>
internal sealed class BenchShop : IAsyncDisposable
{
    private BenchShop(BenchSandbox sandbox, ServiceProvider services, int botId)
    {
        Sandbox = sandbox;
        Services = services;
        BotId = botId;
    }

    public BenchSandbox Sandbox { get; }
    public ServiceProvider Services { get; }
    public IDbContextFactory<EcaiDb> Db => Services.GetRequiredService<IDbContextFactory<EcaiDb>>();
    public int BotId { get; }

    public static async Task<BenchShop> StartAsync(IBenchCart cart, DatabaseSettings database, string directory, int seed, int customers, int orders, bool throttled)
    {
        Directory.CreateDirectory(directory);
        var sandbox = await cart.StartAsync(seed, customers, orders, throttled);
        var services = BuildServices(database, directory, sandbox.Settings);
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
        var connect = await services.GetRequiredService<CartConnections>().ConnectAsync(botId, sandbox.ConnectRequest, CancellationToken.None);
        if (!connect.Succeeded) throw new InvalidOperationException(string.Join(" ", connect.Errors.Values));
        await sandbox.AuthorizeAsync(services, connect.ConnectionId!.Value);
        return new BenchShop(sandbox, services, botId);
    }

    public async Task<PullResult> PullAsync()
    {
        var run = await Services.GetRequiredService<JobRuns>().StartAsync(BotId, "bench", "bench", CancellationToken.None);
        var result = await Services.GetRequiredService<CartSync>().PullBotAsync(BotId, run, CancellationToken.None);
        return result.Errors.Count == 0 ? result : throw new InvalidOperationException(string.Join(" ", result.Errors));
    }

    internal static ServiceProvider BuildServices(string dbFile, string keysDir, IReadOnlyDictionary<string, string?> settings) =>
        BuildServices(DatabaseSettings.Sqlite($"Data Source={dbFile}"), keysDir, settings);

    internal static ServiceProvider BuildServices(DatabaseSettings database, string keysDir, IReadOnlyDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddEnvironmentVariables() // wins, e.g. Carts__Ecforce__MaxPagesInFlight=2
            .Build());
        services.AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Error));
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysDir));
        services.AddEcaiDomain(_ => database).AddEcaiIntegrations();
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
