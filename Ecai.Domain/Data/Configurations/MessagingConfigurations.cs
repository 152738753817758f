using Ecai.Domain.Bots;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
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
        b.HasIndex(x => new { x.State, x.DueAt }); // the dispatcher's due scan
        b.HasIndex(x => new { x.MemberId, x.Id }); // a member's deliveries, newest first
        b.HasIndex(x => new { x.Source, x.SourceId, x.State }); // sent / failed / pending counts per message
        b.HasIndex(x => x.RetryKey).IsUnique();
    }
}

internal sealed class StoredMessageConfiguration : IEntityTypeConfiguration<StoredMessage>
{
    public void Configure(EntityTypeBuilder<StoredMessage> b)
    {
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
