using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Tags;

public sealed class MemberTaggingTests : IAsyncLifetime
{
    private DomainFixture _f = null!;
    private MemberTagging _tagging = null!;
    private int _bot, _tag, _otherBotsTag;
    private long _member;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _tagging = new MemberTagging(_f.Db, _f.Live, _f.Clock);
        _bot = await _f.AddBotAsync();
        var other = await _f.AddBotAsync("別ショップ");
        await _f.Members.AddAsync(_bot, [new NewMember("U1", "一郎", CartRecords.T0)], CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        var tag = new Tag { BotId = _bot, Name = "VIP" };
        var foreign = new Tag { BotId = other, Name = "VIP" };
        db.Tags.AddRange(tag, foreign);
        await db.SaveChangesAsync();
        (_tag, _otherBotsTag, _member) = (tag.Id, foreign.Id, await db.Members.Select(m => m.Id).SingleAsync());
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<(int Tags, int Added, int Removed)> StateAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        return (await db.MemberTags.CountAsync(),
            await db.MemberEvents.CountAsync(e => e.Kind == MemberEventKind.TagAdded && e.Cause == TagCause.Operator),
            await db.MemberEvents.CountAsync(e => e.Kind == MemberEventKind.TagRemoved && e.Cause == TagCause.Operator));
    }

    [Fact]
    public async Task An_operator_adds_and_removes_a_tag_once_each_with_events()
    {
        Assert.True(await _tagging.SetAsync(_bot, _member, _tag, add: true, CancellationToken.None));
        Assert.False(await _tagging.SetAsync(_bot, _member, _tag, add: true, CancellationToken.None));
        Assert.Equal((1, 1, 0), await StateAsync());
        Assert.Contains(_f.Live.Events, e => e is MemberChanged m && m.MemberId == _member);

        Assert.True(await _tagging.SetAsync(_bot, _member, _tag, add: false, CancellationToken.None));
        Assert.False(await _tagging.SetAsync(_bot, _member, _tag, add: false, CancellationToken.None));
        Assert.Equal((0, 1, 1), await StateAsync());
    }

    [Fact]
    public async Task Another_bots_tag_or_member_changes_nothing()
    {
        Assert.False(await _tagging.SetAsync(_bot, _member, _otherBotsTag, add: true, CancellationToken.None));
        Assert.False(await _tagging.SetAsync(_bot + 1, _member, _tag, add: true, CancellationToken.None));
        Assert.Equal((0, 0, 0), await StateAsync());
    }
}
