using System.Data.Common;
using Ecai.Domain.Tags;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ecai.Domain.Data;
using Ecai.Domain.Jobs;
using Ecai.Domain.Linking;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecai.Domain.Carts;

/// <summary>What one pull of a bot's carts did.</summary>
public sealed record PullResult(long Customers, long Orders, long Subscriptions, long Skipped, int NewLinks, IReadOnlyList<string> Errors)
{
    /// <summary>The carts answered and had nothing to import (「新しいデータはありませんでした」).</summary>
    public bool NothingNew => Errors.Count == 0 && Customers + Orders + Subscriptions + Skipped == 0;
}

/// <summary>
/// The pull use case: for each of a bot's connections, stream customers, subscriptions and
/// orders from the stored cursors, write each page with its cursor in one transaction, then link.
/// </summary>
public sealed class CartSync(
    IDbContextFactory<EcaiDb> dbs,
    IEnumerable<ICartClientFactory> clients,
    CartConnections connections,
    Linker linker,
    TagRuleEngine rules,
    ILiveEvents live,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    ILogger<CartSync> log)
{
    public const string OrdersStage = "受注を取込中";


    /// <summary>
    /// Bots with a connection to pull: just <paramref name="botId"/> (今すぐ取り込む), or every bot with a
    /// connection whose next scheduled pull is due (the scheduler's tick). Connections still waiting for
    /// OAuth approval are never pulled.
    /// </summary>
    public async Task<IReadOnlyList<int>> BotsToPullAsync(int? botId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Pullable(db, botId, dueAt: botId is null ? now : null)
            .Select(c => c.BotId).Distinct().OrderBy(id => id).ToListAsync(ct);
    }

    private static IQueryable<CartConnection> Pullable(EcaiDb db, int? botId, DateTimeOffset? dueAt, int? connectionId = null) =>
        db.CartConnections.Where(c => (botId == null || c.BotId == botId) && c.State != ConnectionState.AwaitingAuthorization
                                      && (connectionId == null || c.Id == connectionId)
                                      && (dueAt == null || c.NextPullAt == null || c.NextPullAt <= dueAt));

    /// <summary>
    /// Pulls the bot's connections (only the due ones when <paramref name="dueOnly"/>, only <paramref name="connectionId"/>
    /// when given: a cart card's 今すぐ取り込む), then links.
    /// </summary>
    public async Task<PullResult> PullBotAsync(int botId, IJobProgress progress, CancellationToken ct, bool dueOnly = false, int? connectionId = null)
    {
        List<CartConnection> targets;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            targets = await Pullable(db, botId, dueOnly ? clock.GetUtcNow() : null, connectionId).OrderBy(c => c.Id).AsNoTracking().ToListAsync(ct);

        var total = new Counter();
        var errors = new List<string>();
        foreach (var connection in targets)
        {
            var factory = clients.FirstOrDefault(f => f.Supports(connection.Kind));
            if (factory is null) continue;
            var counts = new Counter();
            try
            {
                await PullConnectionAsync(connection, factory, counts, total, progress, ct);
                await MarkAsync(connection, ConnectionState.Connected, null, counts, ct);
            }
            catch (Exception ex) when (CartFailures.OperatorMessage(ex, ct) is { } message)
            {
                log.LogWarning("Pull of connection {ConnectionId} failed: {Error}", connection.Id, ex.Message);
                errors.Add($"{CartNames.Of(connection.Kind)}: {message}");
                var state = ex is CartConnectionException { NeedsAuthorization: true } ? ConnectionState.AwaitingAuthorization : ConnectionState.Error;
                await MarkAsync(connection, state, message, counts, ct);
            }
        }

        progress.Report(total.Records, null, "連携中");
        // A first import that keeps history out of the messages: its links, and the tags its rules add for them now,
        // enter no step scenario (quiet up to "everything" while the rules run, then up to the events they wrote).
        int[] quiet = [.. targets.Where(c => c.LastPulledAt is null && !c.FirstImportToEveryone).Select(c => c.Id)];
        var linksBefore = quiet.Length == 0 ? 0 : await MaxIdAsync(db => db.CartLinks.MaxAsync(l => (long?)l.Id, ct));
        var newLinks = await linker.LinkBotAsync(botId, ct);
        if (quiet.Length > 0) await QuietAsync(quiet, linksBefore, long.MaxValue, ct);
        try
        {
            await rules.RunBotAsync(botId, ct); // purchases and links changed: タグの自動設定 fire now, not at the next sweep
        }
        finally
        {
            if (quiet.Length > 0)
                await QuietAsync(quiet, linksBefore, await MaxIdAsync(db => db.MemberEvents.MaxAsync(e => (long?)e.Id, CancellationToken.None)), CancellationToken.None);
        }
        progress.Report(total.Records, total.Records, "完了");
        live.Publish(new DashboardChanged(botId));
        foreach (var connection in targets) live.Publish(new ConnectionChanged(botId, connection.Id)); // linked counts changed
        return new PullResult(total.Customers, total.Orders, total.Subscriptions, total.Skipped, newLinks, errors);
    }

    private async Task<long> MaxIdAsync(Func<EcaiDb, Task<long?>> query)
    {
        await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
        return await query(db) ?? 0;
    }

    /// <summary>Marks the links made since <paramref name="linksBefore"/> on first-import connections quiet up to an event id (one statement).</summary>
    private async Task QuietAsync(int[] connectionIds, long linksBefore, long upToEventId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.CartLinks.Where(l => l.Id > linksBefore && connectionIds.Contains(l.ConnectionId))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.QuietUpToEventId, upToEventId), ct);
    }

    private async Task PullConnectionAsync(CartConnection connection, ICartClientFactory factory, Counter counts, Counter total,
        IJobProgress progress, CancellationToken ct)
    {
        var endpoint = await connections.EndpointAsync(connection.Id, ct)
            ?? throw new InvalidOperationException($"Connection {connection.Id} disappeared");
        var client = factory.Create(endpoint);
        await using var context = await dbs.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        var session = context.Dialect.ImportSession;
        await SqlBatch.ExecuteAsync(db, null, session.Begin, ct);
        try
        {
            await PullStreamsAsync(db, connection, client, counts, total, progress, ct);
        }
        finally
        {
            // The connection goes back to the pool: leave it as EF expects it.
            await SqlBatch.ExecuteAsync(db, null, session.End, CancellationToken.None);
        }
    }

    private async Task PullStreamsAsync(DbConnection db, CartConnection connection, ICartClient client, Counter counts, Counter total,
        IJobProgress progress, CancellationToken ct)
    {
        await foreach (var page in Batches(client.CustomersSinceAsync(connection.CustomerCursor, ct), ct))
        {
            await CartImportWriter.InTransactionAsync(db, tx => CartImportWriter.WriteCustomersAsync(db, tx, connection.Id, connection.BotId, page.Items, page.Cursor, ct), ct);
            counts.Add(page, (c, n) => c.Customers += n); total.Add(page, (c, n) => c.Customers += n);
            progress.Report(total.Records, null, "顧客を取込中");
        }
        await foreach (var page in Batches(client.SubscriptionsSinceAsync(connection.SubscriptionCursor, ct), ct))
        {
            await CartImportWriter.InTransactionAsync(db, tx => CartImportWriter.WriteSubscriptionsAsync(db, tx, connection.Id, page.Items, page.Cursor, ct), ct);
            counts.Add(page, (c, n) => c.Subscriptions += n); total.Add(page, (c, n) => c.Subscriptions += n);
            progress.Report(total.Records, null, "定期受注を取込中");
        }
        await foreach (var page in Batches(client.OrdersSinceAsync(connection.OrderCursor, ct), ct))
        {
            await CartImportWriter.InTransactionAsync(db, tx => CartImportWriter.WriteOrdersAsync(db, tx, connection.Id, connection.BotId, page.Items, page.Cursor, ct), ct);
            counts.Add(page, (c, n) => c.Orders += n); total.Add(page, (c, n) => c.Orders += n);
            progress.Report(total.Records, null, OrdersStage);
        }
        if (client is ICheckoutSource checkouts)
        {
            await foreach (var page in Batches(checkouts.CheckoutsSinceAsync(connection.CheckoutCursor, ct), ct))
            {
                await CartImportWriter.InTransactionAsync(db, tx => CartImportWriter.WriteCheckoutsAsync(db, tx, connection.Id, connection.BotId, page.Items, page.Cursor, ct), ct);
                counts.Add(page, (_, _) => { }); total.Add(page, (_, _) => { });
                progress.Report(total.Records, null, "カゴ落ちを取込中");
            }
        }
    }

    /// <summary>
    /// Reads pages on a background task into a bounded buffer (so fetching and writing overlap) and
    /// joins consecutive pages into writes of at least <see cref="ImportOptions.RecordsPerTransaction"/> records.
    /// </summary>
    private async IAsyncEnumerable<CartPage<T>> Batches<T>(IAsyncEnumerable<CartPage<T>> pages, [EnumeratorCancellation] CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var buffer = Channel.CreateBounded<CartPage<T>>(new BoundedChannelOptions(options.Value.PagesBuffered) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var page in pages.WithCancellation(stop.Token)) await buffer.Writer.WriteAsync(page, stop.Token);
                buffer.Writer.Complete();
            }
            catch (Exception ex) { buffer.Writer.Complete(ex); }
        }, CancellationToken.None);
        try
        {
            var items = new List<T>();
            var skipped = new List<SkippedRecord>();
            string? cursor = null, written = null;
            await foreach (var page in buffer.Reader.ReadAllAsync(ct))
            {
                items.AddRange(page.Items);
                skipped.AddRange(page.Skipped);
                cursor = page.Cursor ?? cursor;
                if (items.Count < options.Value.RecordsPerTransaction) continue;
                yield return new CartPage<T>(items, skipped, written = cursor);
                (items, skipped) = ([], []);
            }
            // Pages with nothing but a newer cursor (Rakuten's empty search windows) still move the cursor.
            if (items.Count > 0 || skipped.Count > 0 || cursor != written) yield return new CartPage<T>(items, skipped, cursor);
        }
        finally
        {
            await stop.CancelAsync();
            await reader; // never leave a reader running behind a stopped pull
        }
    }

    /// <summary>
    /// Records the pull's outcome. A failed pull moves only the state, the message and the next try: 最終取込 and its
    /// figures stay those of the last pull that succeeded.
    /// </summary>
    private async Task MarkAsync(CartConnection connection, ConnectionState state, string? error, Counter counts, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        if (error is not null)
        {
            await db.CartConnections.Where(c => c.Id == connection.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, state)
                .SetProperty(c => c.NextPullAt, now.AddMinutes(connection.PullIntervalMinutes))
                .SetProperty(c => c.LastError, error), CancellationToken.None);
            live.Publish(new ConnectionChanged(connection.BotId, connection.Id));
            return;
        }
        await db.CartConnections.Where(c => c.Id == connection.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.State, state)
            .SetProperty(c => c.NextPullAt, now.AddMinutes(connection.PullIntervalMinutes))
            .SetProperty(c => c.LastError, error)
            .SetProperty(c => c.LastPulledAt, now)
            .SetProperty(c => c.LastPullCustomers, counts.Customers)
            .SetProperty(c => c.LastPullOrders, counts.Orders)
            .SetProperty(c => c.LastPullSkipped, counts.Skipped)
            .SetProperty(c => c.LastSkippedSample, counts.SkippedSample), CancellationToken.None);
        live.Publish(new ConnectionChanged(connection.BotId, connection.Id));
    }

    private sealed class Counter
    {
        public long Customers, Orders, Subscriptions, Skipped;
        public string? SkippedSample;
        public long Records => Customers + Orders + Subscriptions;

        public void Add<T>(CartPage<T> page, Action<Counter, long> addItems)
        {
            addItems(this, page.Items.Count);
            Skipped += page.Skipped.Count;
            if (page.Skipped.Count > 0 && (SkippedSample?.Length ?? 0) < 400)
                SkippedSample = string.Join(" / ", new[] { SkippedSample }.Concat(
                    page.Skipped.Take(3).Select(s => $"{s.ExternalId ?? "ID不明"}: {s.Reason}")).Where(x => x is not null));
        }
    }
}
