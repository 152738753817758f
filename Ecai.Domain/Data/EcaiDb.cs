using Ecai.Domain.Bots;
using Ecai.Domain.Carts;
using Ecai.Domain.Jobs;
using Ecai.Domain.Linking;
using Ecai.Domain.Members;
using Ecai.Domain.Messaging;
using Ecai.Domain.Operators;
using Ecai.Domain.Tags;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Data;

/// <summary>
/// The one database: ECAI's data and the operators' Identity tables. Each provider has its own subtype
/// (<see cref="Sqlite.SqliteEcaiDb"/>, <see cref="Postgres.PostgresEcaiDb"/>) for its migrations; <see cref="EcaiDbFactory"/> makes them.
/// </summary>
public abstract class EcaiDb(DbContextOptions options) : IdentityDbContext<Operator>(options)
{
    /// <summary>The SQL that differs between the providers.</summary>
    public abstract SqlDialect Dialect { get; }

    public DbSet<Bot> Bots => Set<Bot>();
    public DbSet<OperatorBot> OperatorBots => Set<OperatorBot>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberEvent> MemberEvents => Set<MemberEvent>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();
    public DbSet<Line.ChatMessage> ChatMessages => Set<Line.ChatMessage>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<MemberTag> MemberTags => Set<MemberTag>();
    public DbSet<IdentityFormTag> IdentityFormTags => Set<IdentityFormTag>();
    public DbSet<TagRule> TagRules => Set<TagRule>();
    public DbSet<EventCursor> EventCursors => Set<EventCursor>();
    public DbSet<CartConnection> CartConnections => Set<CartConnection>();
    public DbSet<CartCustomer> CartCustomers => Set<CartCustomer>();
    public DbSet<CustomerOrderTotal> CustomerOrderTotals => Set<CustomerOrderTotal>();
    public DbSet<CartOrder> CartOrders => Set<CartOrder>();
    public DbSet<CartOrderItem> CartOrderItems => Set<CartOrderItem>();
    public DbSet<CartSubscription> CartSubscriptions => Set<CartSubscription>();
    public DbSet<CartProduct> CartProducts => Set<CartProduct>();
    public DbSet<CartCheckout> CartCheckouts => Set<CartCheckout>();
    public DbSet<WebhookReceipt> WebhookReceipts => Set<WebhookReceipt>();
    public DbSet<CartLink> CartLinks => Set<CartLink>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<StoredMessage> StoredMessages => Set<StoredMessage>();
    public DbSet<Dashboard.FriendMonthCount> FriendMonthCounts => Set<Dashboard.FriendMonthCount>();
    public DbSet<Dashboard.ConnectionLinkCount> ConnectionLinkCounts => Set<Dashboard.ConnectionLinkCount>();
    public DbSet<Messaging.Broadcasts.Broadcast> Broadcasts => Set<Messaging.Broadcasts.Broadcast>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Makes saving a tracked record conditional on the version its form loaded: the UPDATE carries
    /// <c>WHERE Version = loadedVersion</c> (and moves the version on), so <see cref="SaveChangesAsync(bool, CancellationToken)"/>
    /// throws <see cref="DbUpdateConcurrencyException"/> when the row changed meanwhile. The row is written even when only
    /// its child rows (steps, scenarios, tags) change, so every save of the form is checked and counted.
    /// </summary>
    public void ExpectVersion<T>(T entity, int loadedVersion) where T : class, IVersioned
    {
        var version = Entry(entity).Property<int>(nameof(IVersioned.Version));
        version.OriginalValue = loadedVersion;
        version.IsModified = true;
    }

    /// <summary>Every tracked change of a versioned record moves its row version on (the original stays the concurrency check).</summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property<int>(nameof(IVersioned.Version));
                version.CurrentValue = version.OriginalValue + 1;
            }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EcaiDb).Assembly);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList())
            builder.Entity(type.ClrType).Property<int>(nameof(IVersioned.Version))
                .IsConcurrencyToken().HasDefaultValue(0); // raw inserts leave it out
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot order or compare DateTimeOffset as text; store UTC ticks instead, on both providers, so the
        // domain's SQL compares and subtracts instants the same way everywhere.
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
