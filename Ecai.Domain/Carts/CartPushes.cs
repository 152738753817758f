using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Linking;
using Ecai.Domain.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Ecai.Domain.Carts;

/// <summary>What became of one webhook delivery.</summary>
public enum PushOutcome { Imported, Duplicate, UnknownConnection }

/// <summary>
/// Records a cart pushes to ECAI (webhooks: Shopify orders/create|paid|updated|cancelled, checkouts/create|update). The
/// delivery id is stored in the same transaction as the records, so a redelivery changes nothing and
/// a crash mid-way leaves neither; an order older than the one stored is left out (deliveries come in any order);
/// then the bot is linked, as after a pull.
/// </summary>
public sealed class CartPushes(IDbContextFactory<EcaiDb> dbs, Linker linker, Tags.TagRuleEngine rules, ILiveEvents live, TimeProvider clock)
{
    public async Task<PushOutcome> ImportAsync(int connectionId, string deliveryId,
        IReadOnlyList<CartOrderRecord> orders, IReadOnlyList<CartCheckoutRecord> checkouts, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        await using var context = await dbs.CreateDbContextAsync(ct);
        var connection = await context.CartConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null) return PushOutcome.UnknownConnection;

        await context.Database.OpenConnectionAsync(ct);
        var db = context.Database.GetDbConnection();
        var fresh = false;
        await CartImportWriter.InTransactionAsync(db, async tx =>
        {
            fresh = await WebhookReceipts.TryRecordAsync(db, tx, Source(connection.Kind, connectionId), deliveryId, clock.GetUtcNow(), ct);
            if (!fresh) return;
            if (orders.Count > 0) await CartImportWriter.WriteOrdersAsync(db, tx, connectionId, connection.BotId, orders, cursor: null, ct, keepNewer: true);
            if (checkouts.Count > 0) await CartImportWriter.WriteCheckoutsAsync(db, tx, connectionId, connection.BotId, checkouts, cursor: null, ct);
        }, ct);
        if (!fresh) return PushOutcome.Duplicate;

        if (orders.Count > 0)
        {
            await linker.LinkBotAsync(connection.BotId, ct);
            await rules.RunBotAsync(connection.BotId, ct);
        }
        live.Publish(new ConnectionChanged(connection.BotId, connectionId));
        live.Publish(new DashboardChanged(connection.BotId));
        return PushOutcome.Imported;
    }

    private static string Source(CartKind kind, int connectionId) => $"{kind.ToString().ToLowerInvariant()}:{connectionId}";
}
