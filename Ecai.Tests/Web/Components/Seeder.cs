using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Domain.Operators;
using Ecai.Tests.Support;

namespace Ecai.Tests.Web.Components;

/// <summary>Writes the rows a screen test starts from, straight into the test database.</summary>
public sealed class Seeder(TestDb db, TimeProvider clock)
{
    private int _next;

    public async Task<string> OperatorAsync(string id, string displayName = "運用 太郎")
    {
        await using var context = db.CreateDbContext();
        context.Users.Add(new Operator
        {
            Id = id, UserName = $"{id}@example.jp", NormalizedUserName = $"{id}@EXAMPLE.JP",
            Email = $"{id}@example.jp", NormalizedEmail = $"{id}@EXAMPLE.JP", DisplayName = displayName,
        });
        await context.SaveChangesAsync();
        return id;
    }

    public async Task<int> BotAsync(string name)
    {
        await using var context = db.CreateDbContext();
        var bot = new Bot { Name = name, CreatedAt = clock.GetUtcNow() };
        context.Bots.Add(bot);
        await context.SaveChangesAsync();
        return bot.Id;
    }

    public async Task GrantAsync(string operatorId, int botId)
    {
        await using var context = db.CreateDbContext();
        context.OperatorBots.Add(new OperatorBot { OperatorId = operatorId, BotId = botId });
        await context.SaveChangesAsync();
    }

    /// <summary>Adds <paramref name="count"/> members who became friends at <paramref name="friendAddedAt"/>; returns their ids.</summary>
    public async Task<List<long>> MembersAsync(int botId, int count, DateTimeOffset? friendAddedAt = null)
    {
        await using var context = db.CreateDbContext();
        var members = Enumerable.Range(0, count).Select(_ => new Member
        {
            BotId = botId,
            LineUserId = $"U{Interlocked.Increment(ref _next):D32}",
            DisplayName = "お友だち",
            FriendAddedAt = friendAddedAt ?? clock.GetUtcNow().AddDays(-400),
        }).ToList();
        context.Members.AddRange(members);
        await context.SaveChangesAsync();
        return members.Select(m => m.Id).ToList();
    }

    public async Task<int> ConnectionAsync(int botId, CartKind kind = CartKind.Ecforce, string domain = "shop.example.jp",
        ConnectionState state = ConnectionState.Connected, string? lastError = null)
    {
        await using var context = db.CreateDbContext();
        var connection = new CartConnection
        {
            BotId = botId, Kind = kind, CartDomain = domain, ApiBaseUrl = $"https://api.{domain}",
            ProtectedSecrets = "not-a-real-secret", State = state, LastError = lastError,
            CreatedAt = clock.GetUtcNow(),
            LastPulledAt = state == ConnectionState.NeverPulled ? null : clock.GetUtcNow().AddMinutes(-30),
        };
        context.CartConnections.Add(connection);
        await context.SaveChangesAsync();
        return connection.Id;
    }

    /// <summary>Links each member to a new cart customer of the connection.</summary>
    public async Task LinkAsync(int botId, int connectionId, IEnumerable<long> memberIds)
    {
        await using var context = db.CreateDbContext();
        var pairs = memberIds.Select(memberId => (MemberId: memberId, Customer: new CartCustomer
        {
            ConnectionId = connectionId, BotId = botId, ExternalId = $"C{Interlocked.Increment(ref _next)}",
            UpdatedAt = clock.GetUtcNow(),
        })).ToList();
        context.CartCustomers.AddRange(pairs.Select(p => p.Customer));
        await context.SaveChangesAsync();
        context.CartLinks.AddRange(pairs.Select(p => new CartLink
        {
            BotId = botId, MemberId = p.MemberId, CartCustomerId = p.Customer.Id, ConnectionId = connectionId, CustomerExternalId = p.Customer.ExternalId,
            Key = LinkKey.Phone, LinkedAt = clock.GetUtcNow(),
        }));
        await context.SaveChangesAsync();
    }

    public async Task<long> RunningJobAsync(int botId, string kind = "cart-pull", string title = "カート取込")
    {
        await using var context = db.CreateDbContext();
        var run = new JobRun { BotId = botId, Kind = kind, Title = title, StartedAt = clock.GetUtcNow(), State = JobState.Running };
        context.JobRuns.Add(run);
        await context.SaveChangesAsync();
        return run.Id;
    }
}
