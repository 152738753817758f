using Ecai.Domain.Line;
using Ecai.Tests.Domain.Line;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Integrations.Line;

/// <summary>The webhook with the real LINE client against the sandbox: a follow brings the LINE display name.</summary>
public sealed class LineWebhookProfileTests : IAsyncLifetime
{
    private LineTestHost _host = null!;
    private DomainFixture _f = null!;
    private LineWebhook _webhook = null!;
    private int _bot;

    public async Task InitializeAsync()
    {
        _host = await LineTestHost.StartAsync();
        _f = await DomainFixture.CreateAsync();
        var channels = new LineChannels(_f.Db, _f.Protection);
        _webhook = new LineWebhook(_f.Db, _f.Live, _f.Clock, channels, _host.Messaging, _host.Services.GetRequiredService<ILogger<LineWebhook>>());
        _bot = await _f.AddBotAsync();
        Assert.Empty(await channels.SetUpAsync(_bot,
            new LineChannelSettings("1650000000", "0123456789abcdef0123456789abcdef", LineTestHost.AccessToken, null)));
    }

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task<(string DisplayName, bool IsBlocked)> MemberAsync(string userId)
    {
        await using var db = _f.Db.CreateDbContext();
        var member = await db.Members.SingleAsync(m => m.LineUserId == userId);
        return (member.DisplayName, member.IsBlocked);
    }

    [Fact]
    public async Task A_follow_sets_the_display_name_from_the_sandbox_profile()
    {
        await _webhook.HandleAsync(_bot, LineWebhookTests.Delivery(
            LineWebhookTests.Event("follow", "W1", "U1111"), LineWebhookTests.Event("follow", "W2", "U2222")), CancellationToken.None);

        Assert.Equal(("山田 花子", false), await MemberAsync("U1111"));
        Assert.Equal(("佐藤 一郎", false), await MemberAsync("U2222"));
    }

    [Fact]
    public async Task A_user_line_does_not_know_keeps_an_empty_name()
    {
        var result = await _webhook.HandleAsync(_bot, LineWebhookTests.Delivery(LineWebhookTests.Event("follow", "W1", "U9999")), CancellationToken.None);

        Assert.Equal(1, result.Follows);
        Assert.Equal(("", false), await MemberAsync("U9999"));
    }

    [Fact]
    public async Task Line_failing_leaves_the_followed_member_stored_and_a_later_message_fills_the_name()
    {
        _host.Store.Next500(100);

        var result = await _webhook.HandleAsync(_bot, LineWebhookTests.Delivery(LineWebhookTests.Event("follow", "W1", "U1111")), CancellationToken.None);

        Assert.Equal(1, result.Follows);
        Assert.Equal(("", false), await MemberAsync("U1111"));

        _host.Store.Next500(0);
        await _webhook.HandleAsync(_bot, LineWebhookTests.Delivery(
            LineWebhookTests.Event("message", "W2", "U1111", ""","message":{"id":"m-1","type":"text","text":"はじめまして"}""")), CancellationToken.None);
        Assert.Equal(("山田 花子", false), await MemberAsync("U1111"));
    }
}
