using Ecai.Domain.Bots;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Broadcasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecai.Domain.Data.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Restrict);
        // A send is planned once per (source, member, occurrence).
        b.HasIndex(x => new { x.BotId, x.Source, x.SourceId, x.MemberId, x.Occurrence }).IsUnique();
        b.HasIndex(x => new { x.BotId, x.State, x.DueAt }); // the dispatcher's due scan, per bot
        b.HasIndex(x => new { x.MemberId, x.Id }); // a member's deliveries, newest first
        b.HasIndex(x => new { x.Source, x.SourceId, x.State }); // sent / failed / pending counts per message
        // Not unique: the rows of one multicast request (≤ 500 members of a broadcast) share its retry key, and the
        // dispatcher sends them together, never split across batches.
        b.HasIndex(x => x.RetryKey);
    }
}

internal sealed class StoredMessageConfiguration : IEntityTypeConfiguration<StoredMessage>
{
    public void Configure(EntityTypeBuilder<StoredMessage> b)
    {
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Title).HasMaxLength(100);
        b.HasIndex(x => new { x.BotId, x.Id }); // the list, newest first
        b.HasIndex(x => new { x.State, x.ScheduledAt }); // the planner's due scan
    }
}
