using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shopify;

namespace Ecai.Web.Endpoints;

/// <summary>
/// Shopify webhooks (the shop registers <c>/carts/shopify/webhook/{connectionId}</c> for orders/create,
/// orders/paid, orders/updated, orders/cancelled, checkouts/create and checkouts/update; 外部連携 lists them). The raw body is verified against
/// <c>X-Shopify-Hmac-Sha256</c> with the connection's API secret before anything is read; a bad or
/// missing signature is 401 and stores nothing. <c>X-Shopify-Webhook-Id</c> makes a redelivery harmless.
/// </summary>
public static class ShopifyWebhookEndpoints
{
    /// <summary>Shopify's payloads are small; anything far larger is not Shopify.</summary>
    private const int MaxBodyBytes = 2 * 1024 * 1024;

    public static void MapShopifyWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/carts/shopify/webhook/{connectionId:int}", async (int connectionId, HttpContext http, CartConnections connections,
            CartPushes pushes, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var endpoint = await connections.EndpointAsync(connectionId, ct);
            if (endpoint is null || endpoint.Kind != CartKind.Shopify) return Results.NotFound();

            var body = await RawBody.ReadAsync(http.Request, MaxBodyBytes, ct);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            if (!ShopifyWebhooks.IsAuthentic(body, http.Request.Headers[ShopifyWebhooks.HmacHeader].ToString(), endpoint.Secrets[CartSpec.ApiSecret]))
                return Results.Unauthorized();

            var webhookId = http.Request.Headers[ShopifyWebhooks.WebhookIdHeader].ToString();
            if (string.IsNullOrWhiteSpace(webhookId)) return Results.BadRequest();
            var topic = http.Request.Headers[ShopifyWebhooks.TopicHeader].ToString();
            var content = ShopifyWebhooks.Read(topic, body, endpoint.SubscriptionTagsSince);
            if (content.SkipReason is { } reason)
                loggers.CreateLogger(typeof(ShopifyWebhookEndpoints)).LogWarning(
                    "Shopify webhook {WebhookId} ({Topic}) for connection {ConnectionId} not imported: {Reason}", webhookId, topic, connectionId, reason);
            // Topics and orders ECAI does not import are acknowledged, or Shopify retries them for hours.
            if (content.Orders.Count == 0 && content.Checkouts.Count == 0) return Results.Ok();

            var outcome = await pushes.ImportAsync(connectionId, webhookId.Trim(), content.Orders, content.Checkouts, ct);
            return outcome == PushOutcome.UnknownConnection ? Results.NotFound() : Results.Ok();
        }).AllowAnonymous().DisableAntiforgery();
    }
}
