using Ecai.Domain.Members;
using Ecai.Tests.Support;
using Ecai.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Flows;

/// <summary>What demo mode's seed leaves in 保存した条件.</summary>
public sealed class DemoSavedFiltersFlowTests : IAsyncLifetime
{
    private readonly EcaiAppFactory _app = new(demoMembers: 60);

    public Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer(); // migrate and seed
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_fresh_demo_has_its_saved_filters_and_each_selects_members()
    {
        int bot;
        await using (var db = await _app.Db.CreateDbContextAsync())
            bot = await db.Bots.Select(b => b.Id).SingleAsync();

        var saved = await _app.Services.GetRequiredService<SavedFilters>().ListAsync(bot, CancellationToken.None);

        Assert.Equal(DemoSavedFilters.All.Select(f => f.Name).Order(StringComparer.Ordinal), saved.Select(f => f.Name));
        foreach (var (name, filter) in DemoSavedFilters.All)
            Assert.Equal(filter.ToJson(), saved.Single(f => f.Name == name).Filter.ToJson());
        var unlinked = saved.Single(f => f.Name == "カート未連携の友だち").Filter;
        Assert.True(await _app.Services.GetRequiredService<MemberSearch>().CountAsync(bot, unlinked, CancellationToken.None) > 0);
    }
}
