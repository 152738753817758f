using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Tags;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Tests.Support;
using Ecai.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>What demo mode's messaging seed leaves in a fresh demo.</summary>
public sealed class DemoMessagingFlowTests : IAsyncLifetime
{
    private readonly EcaiAppFactory _app = new(demoMembers: 60);

    public Task InitializeAsync()
    {
        // On a real port, as the demo runs: the demo points its cart connections at this host once it has started.
        _app.UseKestrel(0);
        _app.StartServer(); // migrate and seed
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_fresh_demo_has_a_valid_follow_message_for_a_product_its_ecforce_sandbox_sells_with_a_tag_action()
    {
        var ct = CancellationToken.None;
        int bot, connection;
        await using (var db = await _app.Db.CreateDbContextAsync())
        {
            bot = await db.Bots.Select(b => b.Id).SingleAsync();
            connection = await db.CartConnections.Where(c => c.BotId == bot && c.Kind == CartKind.Ecforce).Select(c => c.Id).SingleAsync();
        }
        var follow = _app.Services.GetRequiredService<FollowMessages>();

        var row = Assert.Single(await follow.ListAsync(bot, ct));
        var product = EcforceProduct.ByCode(DemoMessaging.FollowProductCode);
        Assert.False(product.IsSubscription);
        Assert.Equal((connection, CartKind.Ecforce, product.Code, product.Name, true, 1),
            (row.ConnectionId, row.Kind, row.ProductCode, row.ProductName, row.Enabled, row.Priority));
        var draft = (await follow.GetAsync(bot, row.Id, ct))!;
        var scenario = Assert.Single(draft.Scenarios);
        Assert.Equal((2, new TimeOnly(18, 0), false), (scenario.DaysAfter, scenario.AtTime, scenario.IsEarly));
        Assert.Contains("ありがとうございます", scenario.Content.Bubbles[0].Text);
        var tags = await _app.Services.GetRequiredService<TagCatalog>().ListAsync(bot, ct);
        Assert.Equal(DemoMessaging.FollowTagName, tags.Folders.SelectMany(f => f.Tags).Single(t => t.Id == scenario.AddTagId).Name);

        // Valid as the editor checks it, and saved again unchanged it passes the database's checks too (product of the cart, tags).
        Assert.Empty(FollowMessages.Validate(draft));
        var (errors, id) = await follow.SaveAsync(bot, draft, ct);
        Assert.Empty(errors);
        Assert.Equal(row.Id, id);
    }

    [Fact]
    public async Task The_products_seeded_for_the_follow_message_are_those_the_first_pull_finds_in_the_ecforce_sandbox()
    {
        int bot, connection;
        await using (var db = await _app.Db.CreateDbContextAsync())
        {
            bot = await db.Bots.Select(b => b.Id).SingleAsync();
            connection = await db.CartConnections.Where(c => c.BotId == bot && c.Kind == CartKind.Ecforce).Select(c => c.Id).SingleAsync();
        }
        await Eventually.ValueAsync(async () =>
        {
            await using var db = await _app.Db.CreateDbContextAsync();
            return await db.CartConnections.Where(c => c.Id == connection && (c.ApiBaseUrl.StartsWith("http://127.0.0.1:") || c.ApiBaseUrl.Contains("localhost:")))
                .Select(c => c.ApiBaseUrl).FirstOrDefaultAsync();
        }, TimeSpan.FromSeconds(30));
        var seeded = await ProductsAsync(connection);
        Assert.Equal(EcforceProduct.Catalogue.Select(p => (p.Code, p.Name, p.CourseName)).OrderBy(p => p.Code, StringComparer.Ordinal), seeded);

        var run = await _app.Services.GetRequiredService<JobRuns>().StartAsync(bot, "test", "テスト取込", CancellationToken.None);
        var result = await _app.Services.GetRequiredService<CartSync>().PullBotAsync(bot, run, CancellationToken.None);

        Assert.True(result.Orders > 0);
        Assert.Empty(result.Errors);
        Assert.Equal(seeded, await ProductsAsync(connection)); // the import's upsert met the same codes, names and courses
        await using (var db = await _app.Db.CreateDbContextAsync())
            Assert.True(await db.CartOrderItems.AnyAsync(i => i.ConnectionId == connection && i.ProductCode == DemoMessaging.FollowProductCode));
    }

    private async Task<List<(string Code, string Name, string? CourseName)>> ProductsAsync(int connection)
    {
        await using var db = await _app.Db.CreateDbContextAsync();
        return (await db.CartProducts.Where(p => p.ConnectionId == connection).Select(p => new { p.Code, p.Name, p.CourseName }).ToListAsync())
            .Select(p => (p.Code, p.Name, p.CourseName)).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
    }
}
