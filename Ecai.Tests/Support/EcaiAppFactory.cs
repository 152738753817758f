using Ecai.Domain.Bots;
using Ecai.Domain.Data;
using Ecai.Domain.Operators;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Support;

/// <summary>
/// The whole app on a fresh SQLite file (or, in test.sh's PostgreSQL pass, a fresh PostgreSQL database). Demo mode is off unless <paramref name="demo"/> is given
/// (then it seeds that many members); <see cref="UseRealSockets"/> gives Kestrel on 127.0.0.1 for browsers.
/// </summary>
public sealed class EcaiAppFactory(int? demoMembers = null, string? dataDirectory = null) : WebApplicationFactory<Program>
{
    private readonly string _dir = dataDirectory ?? Directory.CreateTempSubdirectory("ecai-app-").FullName;

    /// <summary>Keep the data directory on dispose (to start the app again on the same data).</summary>
    public bool KeepData { get; init; }
    public string DataDirectory => _dir;

    private (Ecai.Domain.Data.DatabaseSettings Settings, string Name)? _postgres;

    public const string DemoEmail = "demo@ecai.example";
    public const string DemoPassword = "Demo-2026!";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets(); // MudBlazor and Blazor scripts outside the Development environment
        if (TestProvider.IsPostgres)
        {
            // A database of its own, named in the data directory so that a second app on the same directory (a restart)
            // finds the same data; created (and migrated) on first use, the app's start-up finds it up to date.
            var named = Path.Combine(_dir, "postgres-database");
            _postgres ??= File.Exists(named) ? TestProvider.ExistingPostgresDatabase(File.ReadAllText(named))
                : TestProvider.NewPostgresDatabaseAsync().GetAwaiter().GetResult();
            File.WriteAllText(named, _postgres.Value.Name);
            builder.UseSetting("Ecai:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Ecai", _postgres.Value.Settings.ConnectionString);
        }
        else builder.UseSetting("ConnectionStrings:Ecai", $"Data Source={Path.Combine(_dir, "ecai.db")}");
        builder.UseSetting("Ecai:DataProtectionKeys", Path.Combine(_dir, "keys"));
        builder.UseSetting("Ecai:Import:RecordsPerTransaction", "500"); // several transactions even in small tests
        builder.UseSetting("Ecai:Jobs:Scheduled", "false"); // tests pull with 今すぐ取り込む, never at a minute's tick
        // Host tests are about the app, not the carts' request rates (each connector's own tests cover its pacing).
        builder.UseSetting("Carts:Rakuten:RequestsPerSecond", "0");
        builder.UseSetting("Carts:Rakuraku:RequestsPerSecond", "1000");
        // No test reaches api.line.me: the discard port refuses at once (demo mode and LINE tests point at the LINE sandbox).
        builder.UseSetting("Ecai:Line:ApiBaseUrl", "http://127.0.0.1:9");
        builder.UseSetting("Ecai:Demo:Enabled", demoMembers is null ? "false" : "true");
        if (demoMembers is { } members)
        {
            builder.UseSetting("Ecai:Demo:Members", members.ToString());
            builder.UseSetting("Ecai:Demo:EcforceCustomers", (members * 6 / 5).ToString());
            builder.UseSetting("Ecai:Demo:EcforceOrders", (members * 3).ToString());
            builder.UseSetting("Ecai:Demo:CartCustomers", (members * 6 / 5).ToString());
            builder.UseSetting("Ecai:Demo:CartOrders", (members * 3).ToString());
            builder.UseSetting("Ecai:Demo:OperatorEmail", DemoEmail);
            builder.UseSetting("Ecai:Demo:OperatorPassword", DemoPassword);
        }
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }

    public IDbContextFactory<EcaiDb> Db => Services.GetRequiredService<IDbContextFactory<EcaiDb>>();

    /// <summary>Adds a bot and an operator who may open it (and, optionally, other bots).</summary>
    public async Task<(int BotId, string Email, string Password)> AddOperatorWithBotAsync(string botName, string email)
    {
        await using var db = await Db.CreateDbContextAsync();
        var bot = new Bot { Name = botName, CreatedAt = DateTimeOffset.UtcNow };
        db.Bots.Add(bot);
        await db.SaveChangesAsync();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        const string password = "Test-Pass-2026";
        var op = await users.FindByEmailAsync(email);
        if (op is null)
        {
            op = new Operator { UserName = email, Email = email, DisplayName = email };
            var created = await users.CreateAsync(op, password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await Services.GetRequiredService<BotAccess>().GrantAsync(op.Id, bot.Id, CancellationToken.None);
        return (bot.Id, email, password);
    }

    /// <summary>Connects the bot to an ecforce sandbox with the sandbox store's default admin login.</summary>
    public async Task ConnectEcforceSandboxAsync(int botId, string sandboxBaseUrl)
    {
        var options = new Ecai.Integrations.Carts.Ecforce.Sandbox.EcforceStoreOptions();
        var connect = await Services.GetRequiredService<Ecai.Domain.Carts.CartConnections>().ConnectAsync(botId,
            Ecai.Domain.Carts.ConnectRequest.Ecforce($"shop{botId}.example.jp", options.AdminEmail, options.AdminPassword, sandboxBaseUrl),
            CancellationToken.None);
        Assert.True(connect.Succeeded, string.Join(" ", connect.Errors.Values));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (KeepData) return;
        if (_postgres is { Name: var name }) await TestProvider.DropPostgresDatabaseAsync(name);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
