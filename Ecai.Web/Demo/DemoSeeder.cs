using Bogus;
using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Domain.Operators;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecai.Web.Demo;

/// <summary>
/// Demo mode: one bot (デモショップ) with Bogus members, a demo operator, and its ecforce connection
/// pointed at the ecforce sandbox served by this app under /sandbox/ecforce. Runs once per database;
/// a restart keeps the data and only re-points the sandbox URL at this host's address.
/// </summary>
public static class DemoSeeder
{
    public const string SandboxPrefix = "/sandbox/ecforce";

    public static async Task SeedIfEnabledAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!options.Enabled) return;
        var dbs = app.Services.GetRequiredService<IDbContextFactory<EcaiDb>>();
        var carts = app.Services.GetRequiredService<DemoCarts>();

        Bot? bot;
        await using (var db = await dbs.CreateDbContextAsync())
            bot = await db.Bots.OrderBy(b => b.Id).FirstOrDefaultAsync(b => b.Name == options.BotName);
        var firstRun = bot is null;
        if (bot is null)
        {
            bot = new Bot { Name = options.BotName, CreatedAt = DateTimeOffset.UtcNow };
            await using var db = await dbs.CreateDbContextAsync();
            db.Bots.Add(bot);
            await db.SaveChangesAsync();
        }

        // The sandbox's data hangs off the bot's creation time, so it is the same after every restart.
        var store = carts.Start(options, bot.CreatedAt);
        if (firstRun)
        {
            await CreateOperatorAsync(app.Services, options, bot.Id);
            await app.Services.GetRequiredService<MemberImport>().AddAsync(bot.Id, DemoMembers(options, store, bot.CreatedAt), CancellationToken.None);
            var result = await app.Services.GetRequiredService<CartConnections>().ConnectAsync(bot.Id,
                ConnectRequest.Ecforce("demo-shop.example.jp", DemoCarts.AdminEmail, DemoCarts.AdminPassword,
                    "http://localhost" + SandboxPrefix, birthdaySync: true), CancellationToken.None);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Values));
        }

        app.Lifetime.ApplicationStarted.Register(() => _ = PointAtThisHostAsync(app, options, bot.Id));
    }

    public static void MapDemoSandboxes(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled) return;
        var carts = app.Services.GetRequiredService<DemoCarts>();
        EcforceSandbox.Map(app, SandboxPrefix, carts.Ecforce);
    }

    private static async Task PointAtThisHostAsync(WebApplication app, DemoOptions options, int botId)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return; // test server without sockets: tests point connections themselves
        var baseUrl = address.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost");
        var connections = app.Services.GetRequiredService<CartConnections>();
        foreach (var c in await connections.ListAsync(botId, CancellationToken.None))
            if (c.Kind == CartKind.Ecforce) await connections.SetApiBaseUrlAsync(c.Id, baseUrl + SandboxPrefix, CancellationToken.None);
        Console.WriteLine($"""

            ECAI デモモード: {baseUrl}
              ログイン: {options.OperatorEmail} / {options.OperatorPassword}
              ecforce サンドボックス: {baseUrl}{SandboxPrefix}

            """);
    }

    private static async Task CreateOperatorAsync(IServiceProvider services, DemoOptions options, int botId)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Operator>>();
        var op = await users.FindByEmailAsync(options.OperatorEmail);
        if (op is null)
        {
            op = new Operator { UserName = options.OperatorEmail, Email = options.OperatorEmail, EmailConfirmed = true, DisplayName = "デモ担当者" };
            var created = await users.CreateAsync(op, options.OperatorPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await services.GetRequiredService<BotAccess>().GrantAsync(op.Id, botId, CancellationToken.None);
    }

    /// <summary>
    /// ~70% of members give a phone; most of those are a customer's phone typed in another style
    /// (so they link), the rest are numbers the cart does not know. Friend dates span 18 months.
    /// </summary>
    internal static List<NewMember> DemoMembers(DemoOptions options, EcforceStore store, DateTimeOffset anchor)
    {
        var faker = new Faker("ja") { Random = new Randomizer(options.Seed) };
        var styles = new Func<string, string>[]
        {
            national => national,                                   // 090-1234-5678
            national => national.Replace("-", ""),                  // 09012345678
            national => "+81 " + national[1..],                     // +81 90-1234-5678
            national => new string(national.Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : 'ー').ToArray()),
        };
        var members = new List<NewMember>(options.Members);
        for (var i = 0; i < options.Members; i++)
        {
            string? phone = null;
            if (faker.Random.Double() < options.PhoneShare)
            {
                var customerPhone = faker.Random.Double() < 0.75 ? store.CustomerPhone(faker.Random.Int(0, store.CustomerCount - 1)) : null;
                var e164 = PhoneNormalizer.Normalize(customerPhone) ?? PhoneNormalizer.Normalize("090" + faker.Random.Replace("########"));
                if (e164 is not null) phone = faker.PickRandom(styles)(PhoneNormalizer.Display(e164));
            }
            var lastName = faker.Name.LastName();
            var displayName = faker.Random.Double() < 0.5 ? lastName + faker.Name.FirstName() : faker.Internet.UserName();
            members.Add(new NewMember(
                LineUserId: "U" + faker.Random.Hexadecimal(32, prefix: "").ToLowerInvariant(),
                DisplayName: displayName,
                FriendAddedAt: anchor.AddDays(-faker.Random.Double(0, 548)),
                Phone: phone,
                Email: faker.Random.Double() < 0.3 ? faker.Internet.Email() : null));
        }
        return members;
    }
}
