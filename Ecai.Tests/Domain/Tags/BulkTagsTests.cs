using Ecai.Domain.Jobs;
using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Domain.Tags;
using Ecai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Tests.Domain.Tags;

/// <summary>一括タグ over 50,000 members: set-wise, sliced with progress, never a tag twice, one event per change.</summary>
public sealed class BulkTagsTests : IAsyncLifetime
{
    private const int Members = 50_000;
    private DomainFixture _f = null!;
    private BulkTags _bulk = null!;
    private int _bot, _tag;

    public async Task InitializeAsync()
    {
        _f = await DomainFixture.CreateAsync();
        _bulk = new BulkTags(_f.Db, _f.Live, _f.Clock);
        _bot = await _f.AddBotAsync();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Every other member became a friend in 2026 (from 01/01 JST), the rest in 2025.
        await _f.Members.AddAsync(_bot, Enumerable.Range(0, Members)
            .Select(i => new NewMember($"U{i:x32}", $"会員{i}", i % 2 == 0 ? start.AddMinutes(i) : start.AddYears(-1).AddMinutes(i))).ToList(),
            CancellationToken.None);
        await using var db = _f.Db.CreateDbContext();
        var tag = new Tag { BotId = _bot, Name = "2026年の友だち", CreatedAt = _f.Clock.GetUtcNow() };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        _tag = tag.Id;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private BulkTagRequest Request(TagRuleAction action) =>
        new(_bot, new MemberFilter { FriendFrom = new DateOnly(2026, 1, 1) }, _tag, action);

    private async Task<(int Tagged, int Added, int Removed)> StateAsync()
    {
        await using var db = _f.Db.CreateDbContext();
        return (await db.MemberTags.CountAsync(t => t.TagId == _tag),
            await db.MemberEvents.CountAsync(e => e.TagId == _tag && e.Kind == MemberEventKind.TagAdded && e.Cause == TagCause.Bulk),
            await db.MemberEvents.CountAsync(e => e.TagId == _tag && e.Kind == MemberEventKind.TagRemoved && e.Cause == TagCause.Bulk));
    }

    [Fact]
    public async Task Adding_tags_the_filtered_members_once_with_progress_and_running_again_changes_nothing()
    {
        var progress = new RecordingProgress();

        var changed = await _bulk.RunAsync(Request(TagRuleAction.Add), progress, CancellationToken.None);

        Assert.Equal(Members / 2, changed);
        Assert.Equal((Members / 2, Members / 2, 0), await StateAsync());
        Assert.Equal((long)Members / 2, progress.Reports[^1].Done);
        Assert.True(progress.Reports.Count >= Members / BulkTags.Slice + 1, "progress is reported per slice");
        Assert.All(progress.Reports, r => Assert.Equal(Members / 2, r.Total));
        Assert.Contains(_f.Live.Events, e => e is DashboardChanged);

        Assert.Equal(0, await _bulk.RunAsync(Request(TagRuleAction.Add), new RecordingProgress(), CancellationToken.None));
        Assert.Equal((Members / 2, Members / 2, 0), await StateAsync());
    }

    [Fact]
    public async Task Removing_takes_the_tag_off_only_the_filtered_members_who_have_it()
    {
        await _bulk.RunAsync(new BulkTagRequest(_bot, MemberFilter.All, _tag, TagRuleAction.Add), new RecordingProgress(), CancellationToken.None);

        var changed = await _bulk.RunAsync(Request(TagRuleAction.Remove), new RecordingProgress(), CancellationToken.None);

        Assert.Equal(Members / 2, changed);
        Assert.Equal((Members / 2, Members, Members / 2), await StateAsync());
    }

    [Fact]
    public async Task Another_bots_tag_is_refused()
    {
        var other = await _f.AddBotAsync("別ショップ");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _bulk.RunAsync(new BulkTagRequest(other, MemberFilter.All, _tag, TagRuleAction.Add), new RecordingProgress(), CancellationToken.None));
        Assert.Equal((0, 0, 0), await StateAsync());
    }

    private sealed class RecordingProgress : IJobProgress
    {
        public List<(long Done, long? Total)> Reports { get; } = [];
        public long JobRunId => 1;
        public void Report(long done, long? total, string? stage = null) => Reports.Add((done, total));
    }
}
