using Ecai.Domain.Bots;
using Ecai.Domain.Jobs;
using Ecai.Domain.Members;
using Ecai.Domain.Operators;
using Ecai.Domain.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecai.Domain.Data.Configurations;

internal sealed class BotConfiguration : IEntityTypeConfiguration<Bot>
{
    public void Configure(EntityTypeBuilder<Bot> b) => b.Property(x => x.Name).HasMaxLength(100);
}

internal sealed class OperatorBotConfiguration : IEntityTypeConfiguration<OperatorBot>
{
    public void Configure(EntityTypeBuilder<OperatorBot> b)
    {
        b.HasKey(x => new { x.OperatorId, x.BotId });
        b.HasOne<Operator>().WithMany(o => o.Bots).HasForeignKey(x => x.OperatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        // The dashboard counters' triggers (EF must not use RETURNING on a table with triggers).
        b.ToTable(t => { foreach (var name in Dashboard.DashboardCounterTriggers.Names[..3]) t.HasTrigger(name); });
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BotId, x.LineUserId }).IsUnique();
        b.HasIndex(x => new { x.BotId, x.PhoneNormalized });
        b.HasIndex(x => new { x.BotId, x.EmailNormalized });
        b.HasIndex(x => new { x.BotId, x.FriendAddedAt });
    }
}

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> b)
    {
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BotId, x.NameKey }).IsUnique(); // one name per bot, letter case aside
        b.Property(x => x.Name).HasMaxLength(SavedFilter.MaxNameLength);
        b.Property(x => x.NameKey).HasMaxLength(SavedFilter.MaxNameLength);
    }
}

internal sealed class MemberEventConfiguration : IEntityTypeConfiguration<MemberEvent>
{
    public void Configure(EntityTypeBuilder<MemberEvent> b)
    {
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BotId, x.Id }); // consumers read a bot's events forward from an id
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<Line.ChatMessage>
{
    public void Configure(EntityTypeBuilder<Line.ChatMessage> b)
    {
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MemberId, x.Id }); // a member's conversation, in order
        // Who replied; removing an operator keeps the conversation (the reply then shows no sender).
        b.HasOne<Operator>().WithMany().HasForeignKey(x => x.OperatorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BotId, x.Name }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(Tag.MaxNameLength);
        b.Property(x => x.Folder).HasMaxLength(Tag.MaxNameLength);
    }
}

internal sealed class MemberTagConfiguration : IEntityTypeConfiguration<MemberTag>
{
    public void Configure(EntityTypeBuilder<MemberTag> b)
    {
        b.HasKey(x => new { x.MemberId, x.TagId });
        b.HasIndex(x => new { x.TagId, x.MemberId }); // a tag's members from the index alone, in member order
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tag>().WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdentityFormTagConfiguration : IEntityTypeConfiguration<IdentityFormTag>
{
    public void Configure(EntityTypeBuilder<IdentityFormTag> b)
    {
        b.HasKey(x => new { x.BotId, x.TagId });
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        // A tag in use by the form cannot be deleted (the tag list refuses with the reason).
        b.HasOne<Tag>().WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TagRuleConfiguration : IEntityTypeConfiguration<TagRule>
{
    public void Configure(EntityTypeBuilder<TagRule> b)
    {
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        // A tag a rule sets cannot be deleted (the tag list refuses with the reason).
        b.HasOne<Tag>().WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BotId, x.Enabled });
    }
}

internal sealed class EventCursorConfiguration : IEntityTypeConfiguration<EventCursor>
{
    public void Configure(EntityTypeBuilder<EventCursor> b)
    {
        b.HasKey(x => new { x.BotId, x.Consumer });
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasIndex(x => new { x.BotId, x.State });
        b.HasIndex(x => x.StartedAt);
        b.HasIndex(x => x.FileExpiresAt);
    }
}

internal sealed class FriendMonthCountConfiguration : IEntityTypeConfiguration<Dashboard.FriendMonthCount>
{
    public void Configure(EntityTypeBuilder<Dashboard.FriendMonthCount> b)
    {
        b.HasKey(x => new { x.BotId, x.Month });
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
