using Bogus;
using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Domain.Operators;
using Ecai.Web.Demo.Carts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ecai.Web.Demo;

/// <summary>
/// Demo mode: one bot (デモショップ) with Bogus members, a demo operator, and a connection to every
/// sandbox cart this app serves under /sandbox/{cart}. Runs once per database; a restart keeps the
/// data and only re-points the sandbox URLs at this host's address.
/// </summary>
public static class DemoSeeder
{

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

        // The sandboxes' data hang off the bot's creation time, so they are the same after every restart.
        carts.Start(options, bot.CreatedAt);
        if (firstRun)
        {
            await CreateOperatorAsync(app.Services, options, bot.Id);
            await app.Services.GetRequiredService<MemberImport>().AddAsync(bot.Id, DemoMembers(options, carts.All, bot.CreatedAt), CancellationToken.None);
            foreach (var cart in carts.All)
            {
                var result = await app.Services.GetRequiredService<CartConnections>().ConnectAsync(bot.Id,
                    cart.ConnectRequest("http://localhost" + cart.Prefix), CancellationToken.None, verify: false); // the host does not listen yet
                if (!result.Succeeded) throw new InvalidOperationException($"{cart.Name}: " + string.Join(" ", result.Errors.Values));
            }
            await DemoTags.SeedAsync(app.Services, bot.Id);
            await DemoMessaging.SeedAsync(app.Services, bot.Id, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await DemoSavedFilters.SeedAsync(app.Services, bot.Id);
        }

        await app.Services.GetRequiredService<DemoLine>().StartAsync(app.Services, bot.Id, firstRun);

        app.Lifetime.ApplicationStarted.Register(() => _ = PointAtThisHostAsync(app, options, bot.Id));
    }

    public static void MapDemoSandboxes(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled) return;
        foreach (var cart in app.Services.GetRequiredService<DemoCarts>().All) cart.Map(app);
        app.Services.GetRequiredService<DemoLine>().Map(app);
    }

    private static async Task PointAtThisHostAsync(WebApplication app, DemoOptions options, int botId)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return; // test server without sockets: tests point connections themselves
        var baseUrl = address.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost");
        var connections = app.Services.GetRequiredService<CartConnections>();
        var carts = app.Services.GetRequiredService<DemoCarts>().All;
        foreach (var c in await connections.ListAsync(botId, CancellationToken.None))
            if (carts.FirstOrDefault(cart => cart.Kind == c.Kind) is { } cart)
            {
                await connections.SetApiBaseUrlAsync(c.Id, baseUrl + cart.Prefix + cart.ApiPath, CancellationToken.None);
                await cart.AuthorizeAsync(app.Services, c.Id);
            }
        DemoLine.PointAt(app.Services, baseUrl);
        var sandboxes = string.Join(Environment.NewLine, carts.Select(c => $"  {CartNames.Of(c.Kind)} サンドボックス: {baseUrl}{c.Prefix}"));
        Console.WriteLine($"""

            ECAI デモモード: {baseUrl}
              ログイン: {options.OperatorEmail} / {options.OperatorPassword}
            {sandboxes}
              LINE サンドボックス: {baseUrl}{DemoLine.Prefix}
              LIFF(本人確認フォーム・購入履歴)をデモの友だちとして開く: {baseUrl}/demo/liff

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
    /// ~70% of members give a phone; most of those are a phone-keyed cart customer's phone typed in
    /// another style (so they link), the rest are numbers no cart knows. ~30% give an e-mail, most of
    /// them a Shopify customer's when Shopify is served. Friend dates span 18 months.
    /// </summary>
    internal static List<NewMember> DemoMembers(DemoOptions options, IReadOnlyList<DemoCart> carts, DateTimeOffset anchor)
    {
        var phoneCarts = carts.Where(c => c.CustomerCount > 0 && CartSpec.Of(c.Kind).LinkKey == LinkKey.Phone).ToList();
        var emailCarts = carts.Where(c => c.CustomerCount > 0 && CartSpec.Of(c.Kind).LinkKey == LinkKey.Email).ToList();
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
                var cart = phoneCarts.Count > 0 && faker.Random.Double() < 0.75 ? faker.PickRandom(phoneCarts) : null;
                var customerPhone = cart?.CustomerPhone(faker.Random.Int(0, cart.CustomerCount - 1));
                var e164 = PhoneNormalizer.Normalize(customerPhone) ?? PhoneNormalizer.Normalize("090" + faker.Random.Replace("########"));
                if (e164 is not null) phone = faker.PickRandom(styles)(PhoneNormalizer.Display(e164));
            }
            var lastName = faker.Name.LastName();
            // LINE names as people set them: full name, given name only, or a given name with a flourish.
            var firstName = faker.Name.FirstName();
            var displayName = faker.Random.Double() switch
            {
                < 0.5 => lastName + firstName,
                < 0.8 => firstName,
                _ => firstName + faker.PickRandom("☆", "♪", "★", "(" + lastName + ")"),
            };
            members.Add(new NewMember(
                LineUserId: "U" + faker.Random.Hexadecimal(32, prefix: "").ToLowerInvariant(),
                DisplayName: displayName,
                FriendAddedAt: anchor.AddDays(-faker.Random.Double(0, 548)),
                Phone: phone,
                Email: faker.Random.Double() >= 0.3 ? null
                    : (emailCarts.Count > 0 && faker.Random.Double() < 0.8 && faker.PickRandom(emailCarts) is { } shop
                        ? shop.CustomerEmail(faker.Random.Int(0, shop.CustomerCount - 1)) : null)
                      ?? $"{faker.Random.String2(faker.Random.Int(4, 8), "abcdefghijklmnopqrstuvwxyz")}{faker.Random.Int(1, 999)}@{faker.PickRandom("example.jp", "example.ne.jp", "example.co.jp")}"));
        }
        return members;
    }
}
