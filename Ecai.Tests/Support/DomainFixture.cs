using Ecai.Domain.Tags;
using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Support;

/// <summary>Domain services over a fresh database, with a fake clock and an in-memory cart client.</summary>
public sealed class DomainFixture : IAsyncDisposable
{
    private DomainFixture(TestDb db)
    {
        Db = db;
        Connections = new CartConnections(db, Protection, [Carts], Live, Clock);
        Linker = new Linker(db, Clock);
        Rules = new TagRuleEngine(db, Live, Clock);
        Members = new MemberImport(db);
        Runs = new JobRuns(db, Live, Clock);
        Sync = new CartSync(db, [Carts], Connections, Linker, Rules, Live, Clock,
            Options.Create(new ImportOptions { RecordsPerTransaction = 1 }), NullLogger<CartSync>.Instance);
    }

    public TestDb Db { get; }
    public IDataProtectionProvider Protection { get; } = new EphemeralDataProtectionProvider();
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    public RecordingLiveEvents Live { get; } = new();
    public ScriptedCartClientFactory Carts { get; } = new();
    public CartConnections Connections { get; }
    public Linker Linker { get; }
    public TagRuleEngine Rules { get; }
    public MemberImport Members { get; }
    public JobRuns Runs { get; }
    public CartSync Sync { get; }

    public static async Task<DomainFixture> CreateAsync() => new(await TestDb.CreateAsync());

    /// <summary>On a SQLite file (WAL, several connections writing at once, as the app runs), or PostgreSQL.</summary>
    public static async Task<DomainFixture> CreateFileAsync() => new(await TestDb.CreateFileAsync());

    public async Task<int> AddBotAsync(string name = "テストショップ")
    {
        await using var db = Db.CreateDbContext();
        var bot = new Bot { Name = name, CreatedAt = Clock.GetUtcNow() };
        db.Bots.Add(bot);
        await db.SaveChangesAsync();
        return bot.Id;
    }

    public async Task<int> ConnectAsync(int botId, CartKind kind = CartKind.Ecforce, bool lineIdLinking = false, bool birthdaySync = false,
        bool firstImportToEveryone = false)
    {
        var fields = CartSpec.Of(kind).Fields.ToDictionary(f => f.Key, f => (string?)(f.Type == CartFieldType.Email ? "admin@example.jp" : "secret-pass"));
        var result = await Connections.ConnectAsync(botId,
            new ConnectRequest(kind, kind == CartKind.RakutenRms ? $"rakuten.co.jp/shop{botId}" : $"shop{botId}.example.jp", fields, "api.example.jp", birthdaySync, lineIdLinking,
                LicenseExpiresOn: DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(60), FirstImportToEveryone: firstImportToEveryone),
            CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(",", result.Errors.Values));
        return result.ConnectionId!.Value;
    }

    public async Task<PullResult> PullAsync(int botId, int? connectionId = null)
    {
        var run = await Runs.StartAsync(botId, "test", "テスト", CancellationToken.None);
        return await Sync.PullBotAsync(botId, run, CancellationToken.None, connectionId: connectionId);
    }

    /// <summary>The connection's row version, as 外部連携 shows it with the connection.</summary>
    public async Task<int> ConnectionVersionAsync(int connectionId)
    {
        await using var db = Db.CreateDbContext();
        return await db.CartConnections.Where(c => c.Id == connectionId).Select(c => c.Version).SingleAsync();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

public sealed class RecordingLiveEvents : ILiveEvents
{
    private readonly List<LiveEvent> _events = [];
    public IReadOnlyList<LiveEvent> Events { get { lock (_events) return [.. _events]; } }
    public void Publish(LiveEvent e) { lock (_events) _events.Add(e); }
}
