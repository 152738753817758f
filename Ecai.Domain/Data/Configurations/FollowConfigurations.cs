using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Messaging;
using Ecai.Domain.Messaging.Follow;
using Ecai.Domain.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ecai.Domain.Data.Configurations;

internal sealed class FollowMessageConfiguration : IEntityTypeConfiguration<FollowMessage>
{
    public void Configure(EntityTypeBuilder<FollowMessage> b)
    {
        b.ToTable("FollowMessages");
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        // 連携解除 deletes a cart's follow messages itself, or keeps them switched off without a cart.
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Name).HasMaxLength(FollowMessage.MaxNameLength);
        b.HasMany(x => x.Scenarios).WithOne().HasForeignKey(s => s.FollowMessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BotId, x.ConnectionId, x.ProductCode, x.Priority });
    }
}

internal sealed class FollowScenarioConfiguration : IEntityTypeConfiguration<FollowScenario>
{
    /// <summary>HH:MM as minutes after midnight (INTEGER), so the planner computes send times in SQL.</summary>
    private static readonly ValueConverter<TimeOnly, int> Minutes = new(v => v.Hour * 60 + v.Minute, v => new TimeOnly(v / 60, v % 60));

    public void Configure(EntityTypeBuilder<FollowScenario> b)
    {
        b.ToTable("FollowScenarios");
        b.Property(x => x.AtTime).HasConversion(Minutes);
        b.Ignore(x => x.HasActions);
        b.HasOne<StoredMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Restrict);
        // A tag used by an action cannot be deleted (TagCatalog checks first and says why).
        b.HasOne<Tag>().WithMany().HasForeignKey(x => x.AddTagId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tag>().WithMany().HasForeignKey(x => x.RemoveTagId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FollowMessageId, x.SortOrder });
    }
}

internal sealed class FollowActionConfiguration : IEntityTypeConfiguration<FollowAction>
{
    public void Configure(EntityTypeBuilder<FollowAction> b)
    {
        b.ToTable("FollowActions");
        b.HasKey(x => x.DeliveryId);
        b.Property(x => x.DeliveryId).ValueGeneratedNever();
        b.HasOne<Delivery>().WithOne().HasForeignKey<FollowAction>(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        // The rich-menu follow-up's queue: a bot's actions still to link.
        b.HasIndex(x => new { x.BotId, x.RichMenuLinkedAt });
    }
}

internal sealed class FollowOrderScanConfiguration : IEntityTypeConfiguration<FollowOrderScan>
{
    public void Configure(EntityTypeBuilder<FollowOrderScan> b)
    {
        b.ToTable("FollowOrderScans");
        b.HasKey(x => x.OrderId);
        b.Property(x => x.OrderId).ValueGeneratedNever();
        b.HasOne<CartOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConnectionId, x.ShippedAt }); // pruning what left the window
        b.HasIndex(x => new { x.ConnectionId, x.Products }); // the orders with a trigger product (Products >= '')
    }
}

internal sealed class FollowScanStateConfiguration : IEntityTypeConfiguration<FollowScanState>
{
    public void Configure(EntityTypeBuilder<FollowScanState> b)
    {
        b.ToTable("FollowScanStates");
        b.HasKey(x => x.BotId);
        b.Property(x => x.BotId).ValueGeneratedNever();
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
