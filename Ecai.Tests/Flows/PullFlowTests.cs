using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Support;
using Ecai.Web.Demo;
using Ecai.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>Connect → pull over HTTP from the ecforce sandbox → members linked, through the whole app.</summary>
public sealed class PullFlowTests : IAsyncLifetime
{
    private readonly EcaiAppFactory _app = new();
    private EcforceStore _store = null!;
    private SandboxServer<EcforceStore> _sandbox = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _store = new EcforceStore(new EcforceStoreOptions
        {
            Seed = 11, Customers = 300, Orders = 3000,
            Start = DateTimeOffset.UtcNow.AddMonths(-6), Span = TimeSpan.FromDays(180),
        });
        _sandbox = await EcforceSandbox.StartAsync(_store);
        (_bot, _, _) = await _app.AddOperatorWithBotAsync("フローテスト", "flow@example.jp");
        var members = DemoSeeder.DemoMembers(new DemoOptions { Members = 400, Seed = 3 }, [new Ecai.Web.Demo.Carts.EcforceDemo(_store)], DateTimeOffset.UtcNow);
        await _app.Services.GetRequiredService<MemberImport>().AddAsync(_bot, members, CancellationToken.None);
        await _app.ConnectEcforceSandboxAsync(_bot, _sandbox.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    /// <summary>Members whose phone equals (after normalisation) a sandbox customer's who has an order.</summary>
    private async Task<int> ExpectedLinkedMembersAsync()
    {
        var phonesWithOrders = Enumerable.Range(0, _store.CustomerCount)
            .Where(_store.CustomerHasOrders)
            .Select(i => PhoneNormalizer.Normalize(_store.CustomerPhone(i)))
            .OfType<string>().ToHashSet();
        await using var db = await _app.Db.CreateDbContextAsync();
        var memberPhones = await db.Members.Where(m => m.BotId == _bot && m.PhoneNormalized != null).Select(m => m.PhoneNormalized!).ToListAsync();
        return memberPhones.Count(phonesWithOrders.Contains);
    }

    private async Task<(int Orders, int DistinctOrders, int Items, int LinkedMembers, int Links)> CountsAsync()
    {
        await using var db = await _app.Db.CreateDbContextAsync();
        return (await db.CartOrders.CountAsync(),
            await db.CartOrders.Select(o => o.ExternalId).Distinct().CountAsync(),
            await db.CartOrderItems.CountAsync(),
            await db.CartLinks.Where(l => l.BotId == _bot).Select(l => l.MemberId).Distinct().CountAsync(),
            await db.CartLinks.CountAsync());
    }

    private async Task<JobRun> PullNowAndWaitAsync()
    {
        var before = await LastRunIdAsync();
        Assert.True(_app.Services.GetRequiredService<PullTrigger>().Request(_bot));
        return await Eventually.ValueAsync(async () =>
        {
            await using var db = await _app.Db.CreateDbContextAsync();
            return await db.JobRuns.Where(r => r.Id > before && r.Kind == PullCartsJob.Kind && r.State != JobState.Running).FirstOrDefaultAsync();
        }, TimeSpan.FromSeconds(60));
    }

    private async Task<long> LastRunIdAsync()
    {
        await using var db = await _app.Db.CreateDbContextAsync();
        return await db.JobRuns.MaxAsync(r => (long?)r.Id) ?? 0;
    }

    [Fact]
    public async Task Pull_now_imports_everything_and_links_the_expected_members_and_a_second_pull_adds_nothing()
    {
        var run = await PullNowAndWaitAsync();

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(_store.OrderCount, run.Orders);
        var first = await CountsAsync();
        var expected = await ExpectedLinkedMembersAsync();
        Assert.True(expected > 50, $"the seed should link a good share, got {expected}");
        Assert.Equal(expected, first.LinkedMembers);
        Assert.Equal(_store.OrderCount, first.Orders);
        Assert.Equal(first.Orders, first.DistinctOrders);
        var view = Assert.Single(await _app.Services.GetRequiredService<CartConnections>().ListAsync(_bot, CancellationToken.None));
        Assert.Equal(ConnectionState.Connected, view.State);

        var second = await PullNowAndWaitAsync();

        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Equal(0, second.Linked);
        Assert.Equal(first, await CountsAsync());
    }

    [Fact]
    public async Task A_pull_killed_midway_then_rerun_loses_and_duplicates_nothing()
    {
        var sync = _app.Services.GetRequiredService<CartSync>();
        using var kill = new CancellationTokenSource();
        var progress = new KillSwitch(kill, afterOrderPages: 1); // one transaction of 500 orders

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sync.PullBotAsync(_bot, progress, kill.Token));
        var midway = await CountsAsync();
        Assert.InRange(midway.Orders, 1, _store.OrderCount - 1);

        var rerun = await PullNowAndWaitAsync();

        Assert.Equal(JobState.Succeeded, rerun.State);
        var after = await CountsAsync();
        Assert.Equal(_store.OrderCount, after.Orders);
        Assert.Equal(after.Orders, after.DistinctOrders);
        Assert.Equal(await ExpectedLinkedMembersAsync(), after.LinkedMembers);
    }

    [Fact]
    public async Task A_revoked_login_shows_the_error_state_with_the_carts_message_and_a_hint()
    {
        _store.Faults.RejectAllTokens = true;

        var run = await PullNowAndWaitAsync();

        Assert.Equal(JobState.Failed, run.State);
        var view = Assert.Single(await _app.Services.GetRequiredService<CartConnections>().ListAsync(_bot, CancellationToken.None));
        Assert.Equal(ConnectionState.Error, view.State);
        Assert.Contains("ecforce", view.LastError);
        Assert.Equal(CartConnections.ErrorHint, view.Hint);
    }

    /// <summary>Cancels the pull once a few pages of orders have been committed, like a process killed mid-pull.</summary>
    private sealed class KillSwitch(CancellationTokenSource kill, int afterOrderPages) : IJobProgress
    {
        private int _orderPages;
        public long JobRunId => 0;
        public void Report(long done, long? total, string? stage = null)
        {
            if (stage == CartSync.OrdersStage && ++_orderPages >= afterOrderPages) kill.Cancel();
        }
    }
}
