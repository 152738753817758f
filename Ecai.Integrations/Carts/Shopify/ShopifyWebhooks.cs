using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>What one webhook delivery carries for ECAI (empty lists for a topic or an order ECAI does not import).</summary>
public sealed record ShopifyWebhookContent(IReadOnlyList<CartOrderRecord> Orders, IReadOnlyList<CartCheckoutRecord> Checkouts, string? SkipReason);

/// <summary>
/// Shopify webhooks [C]: <c>X-Shopify-Hmac-Sha256</c> is base64(HMAC-SHA256(app API secret, raw body));
/// <c>X-Shopify-Topic</c> names the event; <c>X-Shopify-Webhook-Id</c> is stable across redeliveries.
/// </summary>
public static class ShopifyWebhooks
{
    public const string HmacHeader = "X-Shopify-Hmac-Sha256";
    public const string TopicHeader = "X-Shopify-Topic";
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";
    public const string ShopDomainHeader = "X-Shopify-Shop-Domain";

    /// <summary>The signature Shopify sends for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>True when <paramref name="signature"/> is the body's signature under <paramref name="secret"/> (constant-time).</summary>
    public static bool IsAuthentic(ReadOnlySpan<byte> body, string? signature, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(signature)) return false;
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var length) || length != HMACSHA256.HashSizeInBytes) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given[..length]);
    }

    /// <summary>
    /// Maps a delivery: orders/create|paid|updated|cancelled → one order (with its buyer, so the member can be
    /// linked before the next pull; an update or cancellation of an imported order replaces it, so a refund or
    /// cancellation stops it counting at once); checkouts/create|update → one checkout; any other topic → nothing.
    /// </summary>
    public static ShopifyWebhookContent Read(string? topic, ReadOnlySpan<byte> body, DateTimeOffset? subscriptionTagsSince)
    {
        try
        {
            switch (topic?.Trim().ToLowerInvariant())
            {
                case "orders/create" or "orders/paid" or "orders/updated" or "orders/cancelled":
                    var order = JsonSerializer.Deserialize(body, ShopifyJsonContext.Default.ShopifyOrder);
                    if (order is null) return Nothing("受注を読み取れません");
                    var mapped = ShopifyMapper.MapOrder(order, subscriptionTagsSince, withCustomer: true);
                    return mapped.Record is { } o ? new ShopifyWebhookContent([o], [], null) : Nothing(mapped.SkipReason);
                case "checkouts/create" or "checkouts/update":
                    var checkout = JsonSerializer.Deserialize(body, ShopifyJsonContext.Default.ShopifyCheckout);
                    if (checkout is null) return Nothing("カゴ落ちを読み取れません");
                    var c = ShopifyMapper.MapCheckout(checkout);
                    return c.Record is { } record ? new ShopifyWebhookContent([], [record], null) : Nothing(c.SkipReason);
                default:
                    return Nothing(null);
            }
        }
        catch (JsonException)
        {
            return Nothing("JSONとして読み取れません");
        }
    }

    private static ShopifyWebhookContent Nothing(string? reason) => new([], [], reason);
}
