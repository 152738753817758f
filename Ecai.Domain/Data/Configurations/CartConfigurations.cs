using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecai.Domain.Data.Configurations;

internal sealed class CartConnectionConfiguration : IEntityTypeConfiguration<CartConnection>
{
    public void Configure(EntityTypeBuilder<CartConnection> b)
    {
        b.HasOne<Bot>().WithMany().HasForeignKey(x => x.BotId).OnDelete(DeleteBehavior.Cascade);
        // One cart of each system per bot (seed rule); the same cart on two bots is allowed.
        b.HasIndex(x => new { x.BotId, x.Kind }).IsUnique();
        b.HasIndex(x => new { x.Kind, x.CartDomain });
    }
}

internal sealed class CartCustomerConfiguration : IEntityTypeConfiguration<CartCustomer>
{
    public void Configure(EntityTypeBuilder<CartCustomer> b)
    {
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConnectionId, x.ExternalId }).IsUnique();
        b.HasIndex(x => new { x.BotId, x.PhoneNormalized });
        b.HasIndex(x => new { x.BotId, x.EmailNormalized });
        b.HasIndex(x => new { x.BotId, x.LineUserId });
    }
}

internal sealed class CustomerOrderTotalConfiguration : IEntityTypeConfiguration<CustomerOrderTotal>
{
    public void Configure(EntityTypeBuilder<CustomerOrderTotal> b)
    {
        b.HasKey(x => new { x.ConnectionId, x.CustomerExternalId });
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartOrderConfiguration : IEntityTypeConfiguration<CartOrder>
{
    public void Configure(EntityTypeBuilder<CartOrder> b)
    {
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasAlternateKey(x => new { x.ConnectionId, x.ExternalId });
        b.Property(x => x.Cancelled).HasDefaultValue(false); // seeded rows (bench, demo) may leave it out
        // Covering for a member's purchase count / amount / dates: no row lookups into the orders table.
        b.HasIndex(x => new { x.ConnectionId, x.CustomerExternalId, x.Cancelled, x.Amount, x.OrderedAt });
        // 引上フォローメッセージ's due scan: a bounded range of recent shipping dates per connection, covering what the
        // planner reads (the row id comes with every index entry), so the scan never touches the orders table.
        b.HasIndex(x => new { x.ConnectionId, x.ShippedAt, x.Cancelled, x.Times, x.ExternalId, x.CustomerExternalId });
        b.HasMany(x => x.Items).WithOne()
            .HasForeignKey(i => new { i.ConnectionId, i.OrderExternalId })
            .HasPrincipalKey(o => new { o.ConnectionId, o.ExternalId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartOrderItemConfiguration : IEntityTypeConfiguration<CartOrderItem>
{
    public void Configure(EntityTypeBuilder<CartOrderItem> b)
    {
        b.HasKey(x => new { x.ConnectionId, x.OrderExternalId, x.LineNo });
        b.Property(x => x.Cancelled).HasDefaultValue(false);
        // Product and course filters and rules: who bought it (and when) from the index alone, no order lookups. The date
        // before the customer: an import's new lines land at the end of each product's range, not all over it (with the
        // customer first the import ran at two thirds of its speed).
        b.HasIndex(x => new { x.ConnectionId, x.ProductCode, x.Cancelled, x.OrderedAt, x.CustomerExternalId });
        b.HasIndex(x => new { x.ConnectionId, x.CourseName, x.Cancelled, x.OrderedAt, x.CustomerExternalId })
            .HasFilter("CourseName IS NOT NULL"); // most lines have no course: they stay out of it
    }
}

internal sealed class CartSubscriptionConfiguration : IEntityTypeConfiguration<CartSubscription>
{
    public void Configure(EntityTypeBuilder<CartSubscription> b)
    {
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConnectionId, x.ExternalId }).IsUnique();
        b.HasIndex(x => new { x.ConnectionId, x.CustomerExternalId });
    }
}

internal sealed class CartProductConfiguration : IEntityTypeConfiguration<CartProduct>
{
    public void Configure(EntityTypeBuilder<CartProduct> b)
    {
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConnectionId, x.Code }).IsUnique();
    }
}

internal sealed class CartCheckoutConfiguration : IEntityTypeConfiguration<CartCheckout>
{
    public void Configure(EntityTypeBuilder<CartCheckout> b)
    {
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ConnectionId, x.Token }).IsUnique();
        b.HasIndex(x => new { x.BotId, x.EmailNormalized });
    }
}

internal sealed class WebhookReceiptConfiguration : IEntityTypeConfiguration<WebhookReceipt>
{
    public void Configure(EntityTypeBuilder<WebhookReceipt> b) => b.HasIndex(x => new { x.Source, x.DeliveryId }).IsUnique();
}

internal sealed class CartLinkConfiguration : IEntityTypeConfiguration<CartLink>
{
    public void Configure(EntityTypeBuilder<CartLink> b)
    {
        b.ToTable(t => { foreach (var name in Dashboard.DashboardCounterTriggers.Names[3..]) t.HasTrigger(name); });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CartCustomer>().WithMany().HasForeignKey(x => x.CartCustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MemberId, x.CartCustomerId }).IsUnique();
        b.HasIndex(x => x.CartCustomerId);
        b.HasIndex(x => new { x.ConnectionId, x.CustomerExternalId, x.MemberId }); // a customer's members from the index alone
        b.HasIndex(x => new { x.BotId, x.ConnectionId, x.MemberId });
        // "Linked friends" = distinct members per bot; and each member's customer keys from the index alone (a sweep's totals).
        b.HasIndex(x => new { x.BotId, x.MemberId, x.ConnectionId, x.CustomerExternalId });
    }
}

internal sealed class ConnectionLinkCountConfiguration : IEntityTypeConfiguration<Dashboard.ConnectionLinkCount>
{
    public void Configure(EntityTypeBuilder<Dashboard.ConnectionLinkCount> b)
    {
        b.HasKey(x => x.ConnectionId);
        b.Property(x => x.ConnectionId).ValueGeneratedNever();
        b.HasOne<CartConnection>().WithMany().HasForeignKey(x => x.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
