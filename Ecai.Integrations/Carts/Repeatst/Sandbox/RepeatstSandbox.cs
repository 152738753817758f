using System.Globalization;
using System.Text.Json;
using Ecai.Integrations.Carts.Shared;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecai.Integrations.Carts.Repeatst.Sandbox;

/// <summary>
/// Minimal-API endpoints that speak the modelled [I] リピスト データアシスタントAPI over a
/// <see cref="RepeatstStore"/>: <c>Authorization: Bearer</c>, a simulated IP allow-list (403),
/// <c>GET /data_assistant/api/v1/{customers|orders|teiki_orders}.json</c> with <c>updated_from</c>
/// (JST "YYYY-MM-DD HH:MM:SS"), <c>page</c>, <c>limit</c> (≤ 200, default 50), sorted by updated_at,
/// and the fault switches at <c>{prefix}/_faults</c>.
/// </summary>
public static class RepeatstSandbox
{
    private const int DefaultLimit = 50;

    private enum Resource { Customers, Orders, Teikis }

    /// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
    public static Task<SandboxServer<RepeatstStore>> StartAsync(RepeatstStore store, CancellationToken ct = default) =>
        SandboxServer<RepeatstStore>.StartAsync(store, app => Map(app, "", store), ct);

    /// <summary>Mounts the sandbox under <paramref name="prefix"/> (e.g. "/sandbox/repeatst", or "" for a server of its own).</summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app, string prefix, RepeatstStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var group = app.MapGroup(prefix.TrimEnd('/')).AllowAnonymous();
        group.MapGet("/data_assistant/api/v1/customers.json", (HttpContext http) => ListAsync(http, store, Resource.Customers));
        group.MapGet("/data_assistant/api/v1/orders.json", (HttpContext http) => ListAsync(http, store, Resource.Orders));
        group.MapGet("/data_assistant/api/v1/teiki_orders.json", (HttpContext http) => ListAsync(http, store, Resource.Teikis));
        SandboxHttp.MapFaults(group, store.Faults);
        return group;
    }

    private static async Task ListAsync(HttpContext http, RepeatstStore store, Resource resource)
    {
        if (!await SandboxHttp.FaultsAsync(http, store.Faults, ErrorAsync)) return;
        if (store.Faults.IpNotAllowed)
        {
            await ErrorAsync(http, StatusCodes.Status403Forbidden, "許可されていないIPアドレスからのアクセスです。", "E40301");
            return;
        }
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (!store.IsValidToken(token))
        {
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "アクセストークンが無効です。", "E40101");
            return;
        }

        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => k is not ("updated_from" or "page" or "limit")) is { } unknown)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, $"未対応のパラメータです: {unknown}", "E40001");
            return;
        }
        var page = SandboxHttp.PositiveInt(query, "page", 1);
        var limit = SandboxHttp.PositiveInt(query, "limit", DefaultLimit);
        DateTimeOffset? since = null;
        if (query.TryGetValue("updated_from", out var from))
        {
            if (!CartTime.TryParse(from, out var parsed))
            {
                await ErrorAsync(http, StatusCodes.Status400BadRequest, $"updated_from が正しくありません: {from}", "E40002");
                return;
            }
            since = parsed;
        }
        if (page is null || limit is null)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "page または limit が正しくありません。", "E40003");
            return;
        }
        var per = Math.Min(limit.Value, RepeatstOptions.MaxLimit);
        var offset = (int)Math.Min(int.MaxValue, (page.Value - 1L) * per);

        await SandboxHttp.WriteJsonAsync(http, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "ok");
            var total = resource switch
            {
                Resource.Customers => WriteRows(w, "customers", store.Customers.Query(since, offset, per, false), WriteCustomer),
                Resource.Orders => WriteRows(w, "orders", store.Orders.Query(since, offset, per, false), (w, o) => WriteOrder(w, o, store.Faults.MalformationOf(o.Id))),
                _ => WriteRows(w, "teiki_orders", store.Teikis.Query(since, offset, per, false), WriteTeiki),
            };
            w.WriteNumber("total_count", total);
            w.WriteNumber("page", page.Value);
            w.WriteNumber("limit", per);
            w.WriteBoolean("has_next", offset + per < total);
            w.WriteEndObject();
        });
    }

    private static int WriteRows<TRow>(Utf8JsonWriter w, string name, (int Total, IEnumerable<TRow> Rows) result, Action<Utf8JsonWriter, TRow> write)
        where TRow : class, ISandboxRow
    {
        w.WriteStartArray(name);
        foreach (var row in result.Rows) write(w, row);
        w.WriteEndArray();
        return result.Total;
    }

    private static void WriteCustomer(Utf8JsonWriter w, RepeatstCustomerRow c)
    {
        w.WriteStartObject();
        w.WriteNumber("customer_id", c.Id);
        w.WriteString("customer_code", c.Code);
        w.WriteString("name1", c.FamilyName);
        w.WriteString("name2", c.GivenName);
        w.WriteString("tel", c.Tel);
        w.WriteString("mail", c.Mail);
        w.WriteString("birthday", c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "0000-00-00");
        w.WriteString("updated_at", Time(c.UpdatedAt));
        w.WriteEndObject();
    }

    /// <summary><paramref name="malformation"/>: 0 none, 1 unreadable purchase date, 2 customer id missing.</summary>
    private static void WriteOrder(Utf8JsonWriter w, RepeatstOrderRow o, int malformation)
    {
        w.WriteStartObject();
        w.WriteNumber("order_id", o.Id);
        w.WriteString("order_code", o.Code);
        if (malformation == 2) w.WriteNull("customer_id");
        else w.WriteNumber("customer_id", o.CustomerId);
        w.WriteString("purchase_datetime", malformation == 1 ? "2026-13-45 25:61:00" : Time(o.PurchasedAt));
        w.WriteNumber("total_amount", o.Total);
        w.WriteString("shipping_date", o.ShippingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (o.TeikiId is { } teiki) w.WriteNumber("teiki_id", teiki);
        else w.WriteNull("teiki_id");
        if (o.TeikiCount is { } count) w.WriteNumber("teiki_count", count);
        else w.WriteNull("teiki_count");
        w.WriteNumber("cancel_flag", o.Cancelled ? 1 : 0);
        w.WriteString("updated_at", Time(o.UpdatedAt));
        w.WriteStartArray("details");
        foreach (var line in o.Lines)
        {
            w.WriteStartObject();
            w.WriteString("product_code", line.Product.Code);
            w.WriteString("product_name", line.Product.Name);
            w.WriteString("course_name", line.Product.CourseName);
            w.WriteNumber("quantity", line.Quantity);
            w.WriteNumber("price", line.Product.Price);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTeiki(Utf8JsonWriter w, RepeatstTeikiRow t)
    {
        w.WriteStartObject();
        w.WriteNumber("teiki_id", t.Id);
        w.WriteNumber("customer_id", t.CustomerId);
        w.WriteString("status", t.Status);
        w.WriteString("product_code", t.Product.Code);
        w.WriteString("course_name", t.Product.CourseName);
        w.WriteString("next_shipping_date", t.NextShippingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("teiki_count", t.Count);
        w.WriteString("updated_at", Time(t.UpdatedAt));
        w.WriteEndObject();
    }

    private static string Time(DateTimeOffset instant) => CartTime.ToJst(instant, "yyyy-MM-dd HH:mm:ss");

    /// <summary>The modelled error envelope [I]: <c>{"status":"error","error":{"code","message"}}</c>.</summary>
    private static Task ErrorAsync(HttpContext http, int status, string message) => ErrorAsync(http, status, message, $"E{status}00");

    private static Task ErrorAsync(HttpContext http, int status, string message, string code) =>
        SandboxHttp.WriteJsonAsync(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "error");
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        });
}
