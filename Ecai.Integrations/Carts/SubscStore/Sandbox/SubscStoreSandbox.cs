using System.Globalization;
using System.Text.Json;
using Ecai.Integrations.Carts.Shared;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecai.Integrations.Carts.SubscStore.Sandbox;

/// <summary>
/// Minimal-API endpoints that speak the modelled [I] サブスクストア API over a <see cref="SubscStoreStore"/>:
/// <c>POST /api/v1/oauth/token</c> (client credentials → Bearer token with expiry),
/// <c>GET /api/v1/{customers|orders|subscriptions}</c> with <c>updatedAtFrom</c> (ISO 8601), <c>page</c>,
/// <c>perPage</c> (≤ 100, default 20), sorted by updatedAt, and the fault switches at <c>{prefix}/_faults</c>.
/// </summary>
public static class SubscStoreSandbox
{
    private const int DefaultPerPage = 20;

    private enum Resource { Customers, Orders, Subscriptions }

    /// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
    public static Task<SandboxServer<SubscStoreStore>> StartAsync(SubscStoreStore store, CancellationToken ct = default) =>
        SandboxServer<SubscStoreStore>.StartAsync(store, app => Map(app, "", store), ct);

    /// <summary>Mounts the sandbox under <paramref name="prefix"/> (e.g. "/sandbox/subscstore", or "" for a server of its own).</summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app, string prefix, SubscStoreStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var group = app.MapGroup(prefix.TrimEnd('/')).AllowAnonymous();
        group.MapPost("/api/v1/oauth/token", (HttpContext http) => TokenAsync(http, store));
        group.MapGet("/api/v1/customers", (HttpContext http) => ListAsync(http, store, Resource.Customers));
        group.MapGet("/api/v1/orders", (HttpContext http) => ListAsync(http, store, Resource.Orders));
        group.MapGet("/api/v1/subscriptions", (HttpContext http) => ListAsync(http, store, Resource.Subscriptions));
        SandboxHttp.MapFaults(group, store.Faults);
        return group;
    }

    private static async Task TokenAsync(HttpContext http, SubscStoreStore store)
    {
        if (store.Faults.TakeToken())
        {
            await OAuthErrorAsync(http, StatusCodes.Status503ServiceUnavailable, "temporarily_unavailable", "メンテナンス中です。");
            return;
        }
        if (!http.Request.HasFormContentType)
        {
            await OAuthErrorAsync(http, StatusCodes.Status400BadRequest, "invalid_request", "application/x-www-form-urlencoded で送信してください。");
            return;
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            await OAuthErrorAsync(http, StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type は client_credentials です。");
            return;
        }
        if (store.IssueToken(form["client_id"], form["client_secret"]) is not { } issued)
        {
            await OAuthErrorAsync(http, StatusCodes.Status401Unauthorized, "invalid_client", "アプリケーションIDまたはシークレットキーが正しくありません。");
            return;
        }
        await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", issued.Token);
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", issued.ExpiresIn);
            w.WriteEndObject();
        });
    }

    private static async Task ListAsync(HttpContext http, SubscStoreStore store, Resource resource)
    {
        if (!await SandboxHttp.FaultsAsync(http, store.Faults, ErrorAsync)) return;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (!store.IsValidToken(token))
        {
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "アクセストークンが無効または期限切れです。", "INVALID_TOKEN");
            return;
        }
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => k is not ("updatedAtFrom" or "page" or "perPage")) is { } unknown)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, $"未対応のパラメータです: {unknown}", "INVALID_PARAMETER");
            return;
        }
        var page = SandboxHttp.PositiveInt(query, "page", 1);
        var perPage = SandboxHttp.PositiveInt(query, "perPage", DefaultPerPage);
        DateTimeOffset? since = null;
        if (query.TryGetValue("updatedAtFrom", out var from))
        {
            if (!CartTime.TryParse(from, out var parsed))
            {
                await ErrorAsync(http, StatusCodes.Status400BadRequest, $"updatedAtFrom が正しくありません: {from}", "INVALID_PARAMETER");
                return;
            }
            since = parsed;
        }
        if (page is null || perPage is null)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "page または perPage が正しくありません。", "INVALID_PARAMETER");
            return;
        }
        var per = Math.Min(perPage.Value, SubscStoreOptions.MaxPerPage);
        var offset = (int)Math.Min(int.MaxValue, (page.Value - 1L) * per);

        await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            var total = resource switch
            {
                Resource.Customers => WriteItems(w, store.Customers.Query(since, offset, per, false), WriteCustomer),
                Resource.Orders => WriteItems(w, store.Orders.Query(since, offset, per, false), (w, o) => WriteOrder(w, o, store.Faults.MalformationOf(o.Id))),
                _ => WriteItems(w, store.Subscriptions.Query(since, offset, per, false), WriteSubscription),
            };
            w.WriteStartObject("pagination");
            w.WriteNumber("currentPage", page.Value);
            w.WriteNumber("perPage", per);
            w.WriteNumber("totalPages", (total + per - 1) / per);
            w.WriteNumber("totalCount", total);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static int WriteItems<TRow>(Utf8JsonWriter w, (int Total, IEnumerable<TRow> Rows) result, Action<Utf8JsonWriter, TRow> write)
        where TRow : class, ISandboxRow
    {
        w.WriteStartArray("items");
        foreach (var row in result.Rows) write(w, row);
        w.WriteEndArray();
        return result.Total;
    }

    private static void WriteCustomer(Utf8JsonWriter w, SubscStoreCustomerRow c)
    {
        w.WriteStartObject();
        w.WriteString("customerId", c.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("lastName", c.LastName);
        w.WriteString("firstName", c.FirstName);
        w.WriteString("tel", c.Tel);
        w.WriteString("email", c.Email);
        w.WriteString("birthDate", c.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("updatedAt", Time(c.UpdatedAt));
        w.WriteEndObject();
    }

    /// <summary><paramref name="malformation"/>: 0 none, 1 unreadable order date, 2 customer id missing.</summary>
    private static void WriteOrder(Utf8JsonWriter w, SubscStoreOrderRow o, int malformation)
    {
        w.WriteStartObject();
        w.WriteString("orderId", o.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("orderNo", $"SS-{o.Id:D7}");
        if (malformation == 2) w.WriteNull("customerId");
        else w.WriteString("customerId", o.CustomerId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("orderedAt", malformation == 1 ? "yesterday" : Time(o.OrderedAt));
        w.WriteNumber("totalPrice", o.Total);
        if (o.PurchaseCount is { } count) w.WriteNumber("purchaseCount", count);
        else w.WriteNull("purchaseCount");
        var product = o.SubscriptionProduct;
        w.WriteString("subscriptionId", o.SubscriptionId?.ToString(CultureInfo.InvariantCulture));
        w.WriteString("subscriptionProductCode", product?.SubscriptionCode);
        w.WriteString("subscriptionProductName", product?.SubscriptionName);
        w.WriteBoolean("canceled", o.Canceled);
        w.WriteString("shippedAt", o.ShippedAt is { } shipped ? Time(shipped) : null);
        w.WriteString("updatedAt", Time(o.UpdatedAt));
        w.WriteStartArray("lineItems");
        foreach (var line in o.Lines)
        {
            w.WriteStartObject();
            w.WriteString("productCode", line.Product.Code);
            w.WriteString("productName", line.Product.Name);
            w.WriteNumber("quantity", line.Quantity);
            w.WriteNumber("unitPrice", line.Product.Price);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSubscription(Utf8JsonWriter w, SubscStoreSubscriptionRow s)
    {
        w.WriteStartObject();
        w.WriteString("subscriptionId", s.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("customerId", s.CustomerId.ToString(CultureInfo.InvariantCulture));
        w.WriteString("status", s.Status);
        w.WriteString("subscriptionProductCode", s.Product.SubscriptionCode);
        w.WriteString("subscriptionProductName", s.Product.SubscriptionName);
        w.WriteString("productCode", s.Product.Code);
        w.WriteString("nextDeliveryDate", s.NextDeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("purchaseCount", s.PurchaseCount);
        w.WriteString("updatedAt", Time(s.UpdatedAt));
        w.WriteEndObject();
    }

    private static string Time(DateTimeOffset instant) => CartTime.ToJst(instant, "yyyy-MM-dd'T'HH:mm:ss'+09:00'");

    /// <summary>The modelled error envelope [I]: <c>{"error":{"code","message"}}</c>.</summary>
    private static Task ErrorAsync(HttpContext http, int status, string message) =>
        ErrorAsync(http, status, message, status == StatusCodes.Status429TooManyRequests ? "RATE_LIMITED" : "INTERNAL_ERROR");

    private static Task ErrorAsync(HttpContext http, int status, string message, string code) =>
        SandboxHttp.WriteJsonAsync(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    /// <summary>RFC 6749 §5.2 error body for the token endpoint.</summary>
    private static Task OAuthErrorAsync(HttpContext http, int status, string error, string description) =>
        SandboxHttp.WriteJsonAsync(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteString("error_description", description);
            w.WriteEndObject();
        });
}
