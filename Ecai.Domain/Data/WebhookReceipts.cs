using System.Data.Common;

namespace Ecai.Domain.Data;

/// <summary>The ids of webhook deliveries already handled (Shopify's X-Shopify-Webhook-Id, LINE's webhookEventId).</summary>
internal static class WebhookReceipts
{
    /// <summary>
    /// Records the delivery inside the caller's transaction; false when it was recorded before, so a
    /// redelivery is skipped and a rolled-back one can be handled again.
    /// </summary>
    public static async Task<bool> TryRecordAsync(DbConnection db, DbTransaction tx, string source, string deliveryId,
        DateTimeOffset at, CancellationToken ct) =>
        await SqlBatch.ExecuteAsync(db, tx,
            "INSERT INTO WebhookReceipts (Source, DeliveryId, ReceivedAt) VALUES (@s, @d, @t) ON CONFLICT DO NOTHING", ct,
            ("@s", source), ("@d", deliveryId), ("@t", at.UtcTicks)) == 1;
}
