using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>
/// Minimal-API endpoints that speak Shopify's REST Admin API over a <see cref="ShopifyStore"/>:
/// <c>X-Shopify-Access-Token</c>, <c>/admin/api/{YYYY-MM}/customers|orders|checkouts.json</c> with
/// <c>limit</c> ≤ 250, <c>updated_at_min</c>, <c>status</c> (orders: open by default) and <c>Link</c>
/// header paging with an opaque <c>page_info</c> (keyset on updated_at, id); the fault switches at
/// <c>{prefix}/_faults</c>; <c>customers/search.json?query=email:…</c>; and <c>POST {prefix}/_webhooks/deliver</c>, which sends a signed webhook.
/// </summary>
public static partial class ShopifySandbox
{
    private const int DefaultLimit = 50; // [C]
    private const int MaxLimit = 250;    // [C]
    private const string InvalidToken = "[API] Invalid API key or access token (unrecognized login or wrong password)"; // [C3]

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HttpClient WebhookSender = new() { Timeout = TimeSpan.FromSeconds(5) }; // Shopify waits 5 s [C]

    private enum Resource { Customers, Orders, Checkouts }

    /// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
    public static Task<SandboxServer<ShopifyStore>> StartAsync(ShopifyStore store, CancellationToken ct = default) =>
        SandboxServer<ShopifyStore>.StartAsync(store, app => Map(app, "", store), ct);

    /// <summary>Mounts the sandbox under <paramref name="prefix"/> (e.g. "/sandbox/shopify", or "" for a server of its own).</summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app, string prefix, ShopifyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The host's own sign-in does not apply: these endpoints check Shopify tokens themselves.
        var group = app.MapGroup(prefix.TrimEnd('/')).AllowAnonymous();
        group.MapGet("/admin/api/{version}/customers.json", (HttpContext http, string version) => ListAsync(http, store, version, Resource.Customers));
        group.MapGet("/admin/api/{version}/orders.json", (HttpContext http, string version) => ListAsync(http, store, version, Resource.Orders));
        group.MapGet("/admin/api/{version}/checkouts.json", (HttpContext http, string version) => ListAsync(http, store, version, Resource.Checkouts));
        group.MapGet("/admin/api/{version}/customers/search.json", (HttpContext http, string version) => SearchAsync(http, store, version));
        group.MapGet("/_faults", (HttpContext http) => WriteFaultsAsync(http, store.Faults));
        group.MapPost("/_faults", async (HttpContext http) =>
        {
            var settings = await http.Request.ReadFromJsonAsync(ShopifySandboxJsonContext.Default.Settings, http.RequestAborted);
            if (settings is not null) store.Faults.Apply(settings);
            await WriteFaultsAsync(http, store.Faults);
        });
        group.MapPost("/_webhooks/deliver", (HttpContext http) => DeliverAsync(http, store));
        return group;
    }

    private static async Task ListAsync(HttpContext http, ShopifyStore store, string version, Resource resource)
    {
        if (!VersionPattern().IsMatch(version))
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, "\"Not Found\"");
            return;
        }
        if (!await GuardAsync(http, store)) return;
        var query = http.Request.Query;

        if (!TryReadLimit(query["limit"].ToString(), out var limit))
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, """{"limit":"must be between 1 and 250"}"""); // [I] wording
            return;
        }
        DateTimeOffset? since;
        string status;
        (DateTimeOffset, long)? after = null;
        var pageInfo = query["page_info"].ToString();
        if (pageInfo.Length > 0)
        {
            // [I] with page_info only limit and fields may be sent.
            if (query.Keys.Any(k => k is not ("page_info" or "limit" or "fields")) || !PageInfo.TryDecode(pageInfo, out since, out status, out var key))
            {
                await ErrorAsync(http, StatusCodes.Status400BadRequest, "\"Invalid value for page_info\"");
                return;
            }
            after = key;
        }
        else
        {
            since = null;
            var min = query["updated_at_min"].ToString();
            if (min.Length > 0)
            {
                if (!DateTimeOffset.TryParse(min, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    await ErrorAsync(http, StatusCodes.Status400BadRequest, """{"updated_at_min":"is invalid"}""");
                    return;
                }
                since = parsed;
            }
            status = query["status"].ToString() is { Length: > 0 } s ? s : "open";
            if (resource == Resource.Orders && status is not ("open" or "closed" or "cancelled" or "any"))
            {
                await ErrorAsync(http, StatusCodes.Status400BadRequest, """{"status":"is invalid"}""");
                return;
            }
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        (DateTimeOffset UpdatedAt, long Id)? last = null;
        var more = false;
        switch (resource)
        {
            case Resource.Customers:
                var customers = store.Customers.Query(since, after, _ => true, limit + 1);
                more = customers.Count > limit;
                w.WriteStartArray("customers");
                foreach (var c in customers.Take(limit)) { ShopifySandboxWriter.WriteCustomer(w, c); last = (c.UpdatedAt, c.Id); }
                break;
            case Resource.Orders:
                Func<OrderRow, bool> filter = status switch
                {
                    "any" => _ => true,
                    "cancelled" => o => o.CancelledAt is not null,
                    "closed" => _ => false, // [I] closing orders is not modelled
                    _ => o => o.CancelledAt is null,
                };
                var orders = store.Orders.Query(since, after, filter, limit + 1);
                more = orders.Count > limit;
                w.WriteStartArray("orders");
                foreach (var o in orders.Take(limit))
                {
                    var index = o.Id - store.Orders.IdOf(0);
                    ShopifySandboxWriter.WriteOrder(w, o, store.Customers.Find(o.CustomerId), store.Faults.MalformationOf(index + 1), store.Options.ShopDomain, store.Options.Currency);
                    last = (o.UpdatedAt, o.Id);
                }
                break;
            default:
                // [I] completed checkouts stay listed, with completed_at set.
                var checkouts = store.Checkouts.Query(since, after, _ => true, limit + 1);
                more = checkouts.Count > limit;
                w.WriteStartArray("checkouts");
                foreach (var c in checkouts.Take(limit))
                {
                    ShopifySandboxWriter.WriteCheckout(w, c, c.CustomerId is { } id ? store.Customers.Find(id) : null, store.Options.ShopDomain, store.Options.Currency);
                    last = (c.UpdatedAt, c.Id);
                }
                break;
        }
        w.WriteEndArray();
        w.WriteEndObject();
        if (more && last is { } key2)
        {
            var request = http.Request;
            var next = PageInfo.Encode(since, status, key2);
            http.Response.Headers.Link = $"<{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?limit={limit}&page_info={next}>; rel=\"next\"";
        }
        await CompleteAsync(http, w);
    }

    /// <summary>
    /// <c>customers/search.json?query=email:…</c> [C]: field-qualified terms match exactly (case-insensitive [I]);
    /// other queries are not modelled and find nothing. A scan: fine for a sandbox.
    /// </summary>
    private static async Task SearchAsync(HttpContext http, ShopifyStore store, string version)
    {
        if (!VersionPattern().IsMatch(version))
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, "\"Not Found\"");
            return;
        }
        if (!await GuardAsync(http, store)) return;
        var query = http.Request.Query["query"].ToString().Trim();
        var email = query.StartsWith("email:", StringComparison.OrdinalIgnoreCase) ? query["email:".Length..].Trim() : null;
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("customers");
        if (!string.IsNullOrEmpty(email))
        {
            foreach (var c in store.Customers.Query(null, null, c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase), DefaultLimit))
                ShopifySandboxWriter.WriteCustomer(w, c);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    /// <summary>Delay, injected faults, the bucket and the token check; false when the response has been written.</summary>
    private static async Task<bool> GuardAsync(HttpContext http, ShopifyStore store)
    {
        if (store.Faults.ResponseDelay > TimeSpan.Zero) await Task.Delay(store.Faults.ResponseDelay, http.RequestAborted);
        var (outcome, retryAfter, callLimit) = store.Faults.Take(DateTimeOffset.UtcNow);
        if (callLimit is not null) http.Response.Headers["X-Shopify-Shop-Api-Call-Limit"] = callLimit;
        switch (outcome)
        {
            case ShopifyFaults.Outcome.TooMany:
                http.Response.Headers.RetryAfter = retryAfter;
                await ErrorAsync(http, StatusCodes.Status429TooManyRequests, "\"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.\"");
                return false;
            case ShopifyFaults.Outcome.ServerError:
                await ErrorAsync(http, StatusCodes.Status500InternalServerError, "\"Internal Server Error\"");
                return false;
        }
        if (!store.IsValidToken(http.Request.Headers["X-Shopify-Access-Token"].ToString()))
        {
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, JsonSerializer.Serialize(InvalidToken, ShopifySandboxJsonContext.Default.String));
            return false;
        }
        return true;
    }

    /// <summary>
    /// Sends one signed webhook, as Shopify would, to <c>url</c>: an orders/* topic (orders/create, orders/updated,
    /// orders/cancelled, …: order <c>index</c> as it is now) or checkouts/* (checkout <c>index</c>); answers with the
    /// receiver's status and the webhook id.
    /// </summary>
    private static async Task DeliverAsync(HttpContext http, ShopifyStore store)
    {
        var request = await http.Request.ReadFromJsonAsync(ShopifySandboxJsonContext.Default.DeliverRequest, http.RequestAborted);
        if (request?.Url is null || !Uri.TryCreate(request.Url, UriKind.Absolute, out var target))
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "\"url is required\"");
            return;
        }
        var topic = request.Topic ?? "orders/create";
        var body = WebhookBody(store, topic, request.Index ?? 0);
        if (body is null)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "\"unknown topic or index\"");
            return;
        }
        var webhookId = request.WebhookId ?? Guid.NewGuid().ToString();
        using var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add(ShopifyWebhooks.HmacHeader, ShopifyWebhooks.Sign(body, request.Secret ?? store.Options.ApiSecret));
        message.Headers.Add(ShopifyWebhooks.TopicHeader, topic);
        message.Headers.Add(ShopifyWebhooks.WebhookIdHeader, webhookId);
        message.Headers.Add(ShopifyWebhooks.ShopDomainHeader, store.Options.ShopDomain);
        message.Headers.Add("X-Shopify-API-Version", "2025-01");
        message.Headers.Add("X-Shopify-Triggered-At", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        using var response = await WebhookSender.SendAsync(message, http.RequestAborted);
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("status", (int)response.StatusCode);
        w.WriteString("webhook_id", webhookId);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    /// <summary>The JSON body Shopify sends for a topic: the order or checkout object itself [C].</summary>
    public static byte[]? WebhookBody(ShopifyStore store, string topic, int index)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (topic.StartsWith("orders/", StringComparison.Ordinal) && store.Orders.Find(store.Orders.IdOf(index)) is { } order && index < store.OrderCount)
                ShopifySandboxWriter.WriteOrder(w, order, store.Customers.Find(order.CustomerId), 0, store.Options.ShopDomain, store.Options.Currency);
            else if (topic.StartsWith("checkouts/", StringComparison.Ordinal) && store.Checkouts.Find(store.Checkouts.IdOf(index)) is { } checkout && index < store.CheckoutCount)
                ShopifySandboxWriter.WriteCheckout(w, checkout, checkout.CustomerId is { } id ? store.Customers.Find(id) : null, store.Options.ShopDomain, store.Options.Currency);
            else return null;
        }
        return buffer.ToArray();
    }

    private static bool TryReadLimit(string text, out int limit)
    {
        if (text.Length == 0) { limit = DefaultLimit; return true; }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit;
    }

    /// <summary>
    /// Sends what <paramref name="w"/> wrote into the response pipe. Nothing has been flushed yet, so
    /// the length is known: a Content-Length instead of chunked encoding.
    /// </summary>
    private static async Task CompleteAsync(HttpContext http, Utf8JsonWriter w)
    {
        w.Flush();
        http.Response.ContentLength = w.BytesCommitted;
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    /// <summary>Shopify's REST error envelope: <c>{"errors": …}</c>, a string or an object keyed by field [C3].</summary>
    private static async Task ErrorAsync(HttpContext http, int status, string errorsJson)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync($"{{\"errors\":{errorsJson}}}", http.RequestAborted);
    }

    private static async Task WriteFaultsAsync(HttpContext http, ShopifyFaults f)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("served_429", f.Served429);
        w.WriteNumber("served_500", f.Served500);
        w.WriteNumber("bucket_overflows", f.BucketOverflows);
        w.WriteNumber("requests_before_retry_after", f.RequestsBeforeRetryAfter);
        w.WriteNumber("api_requests", f.ApiRequests);
        w.WriteNumber("delay_ms", (long)f.ResponseDelay.TotalMilliseconds);
        w.WriteNumber("malformed_order_every", f.MalformedOrderEvery);
        w.WriteBoolean("reject_all_tokens", f.RejectAllTokens);
        w.WriteBoolean("throttled", f.Throttled);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex VersionPattern();

    /// <summary>The sandbox's opaque cursor: base64url of "since|status|updated_at|id" (Shopify's own is opaque too [C]).</summary>
    private static class PageInfo
    {
        public static string Encode(DateTimeOffset? since, string status, (DateTimeOffset UpdatedAt, long Id) after)
        {
            var text = string.Join('|', since?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "", status,
                after.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), after.Id.ToString(CultureInfo.InvariantCulture));
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        public static bool TryDecode(string pageInfo, out DateTimeOffset? since, out string status, out (DateTimeOffset, long) after)
        {
            since = null;
            status = "";
            after = default;
            try
            {
                var b64 = pageInfo.Replace('-', '+').Replace('_', '/');
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '='))).Split('|');
                if (parts.Length != 4
                    || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
                if (parts[0].Length > 0)
                {
                    if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sinceTicks)) return false;
                    since = new DateTimeOffset(sinceTicks, TimeSpan.Zero);
                }
                status = parts[1];
                after = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}

/// <summary>The body of <c>POST {prefix}/_webhooks/deliver</c>.</summary>
public sealed record ShopifyDeliverRequest(string? Url, string? Topic = null, int? Index = null, string? WebhookId = null, string? Secret = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ShopifyFaults.Settings))]
[JsonSerializable(typeof(ShopifyDeliverRequest), TypeInfoPropertyName = "DeliverRequest")]
[JsonSerializable(typeof(string))]
internal sealed partial class ShopifySandboxJsonContext : JsonSerializerContext;
