using System.Text.Encodings.Web;
using System.Text.Json;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>
/// Minimal-API endpoints that speak ecforce's admin API v2 over an <see cref="EcforceStore"/>:
/// sign-in, <c>Authorization: Token token="…"</c>, the three list endpoints (+ <c>/:id.json</c>) with
/// <c>page</c>/<c>per</c> (≤ 100), <c>q[updated_at_gteq]</c>, <c>sort</c>, <c>include</c>,
/// <c>meta</c> and <c>links</c>, and the fault switches at <c>{prefix}/_faults</c>.
/// </summary>
public static class EcforceSandbox
{
    private const int DefaultPer = 20; // [I] ecforce's default page size is not public
    private const int MaxPer = 100;    // [C3]

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private enum Resource { Customers, Orders, SubsOrders }

    /// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
    public static Task<SandboxServer<EcforceStore>> StartAsync(EcforceStore store, CancellationToken ct = default) =>
        SandboxServer<EcforceStore>.StartAsync(store, app => Map(app, "", store), ct);

    /// <summary>Mounts the sandbox under <paramref name="prefix"/> (e.g. "/sandbox/ecforce", or "" for a server of its own).</summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app, string prefix, EcforceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The host's own sign-in does not apply: these endpoints check ecforce tokens themselves.
        var group = app.MapGroup(prefix.TrimEnd('/')).AllowAnonymous();
        group.MapPost("/api/v2/admins/sign_in.json", (HttpContext http) => SignInAsync(http, store));
        group.MapGet("/api/v2/admin/customers.json", (HttpContext http) => ListAsync(http, store, Resource.Customers));
        group.MapGet("/api/v2/admin/orders.json", (HttpContext http) => ListAsync(http, store, Resource.Orders));
        group.MapGet("/api/v2/admin/subs_orders.json", (HttpContext http) => ListAsync(http, store, Resource.SubsOrders));
        group.MapGet("/api/v2/admin/customers/{id:long}.json", (HttpContext http, long id) => SingleAsync(http, store, Resource.Customers, id));
        group.MapGet("/api/v2/admin/orders/{id:long}.json", (HttpContext http, long id) => SingleAsync(http, store, Resource.Orders, id));
        group.MapGet("/api/v2/admin/subs_orders/{id:long}.json", (HttpContext http, long id) => SingleAsync(http, store, Resource.SubsOrders, id));
        group.MapGet("/_faults", (HttpContext http) => WriteFaultsAsync(http, store.Faults));
        group.MapPost("/_faults", async (HttpContext http) =>
        {
            var settings = await http.Request.ReadFromJsonAsync(EcforceSandboxJsonContext.Default.Settings, http.RequestAborted);
            if (settings is not null) store.Faults.Apply(settings);
            await WriteFaultsAsync(http, store.Faults);
        });
        return group;
    }

    private static async Task SignInAsync(HttpContext http, EcforceStore store)
    {
        await DelayAsync(http, store);
        SignInBody? body = null;
        try
        {
            if (http.Request.HasJsonContentType())
                body = await http.Request.ReadFromJsonAsync(EcforceSandboxJsonContext.Default.SignInBody, http.RequestAborted);
        }
        catch (JsonException)
        {
            // answered as a bad request below
        }
        if (body?.Admin is null)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "リクエストの形式が正しくありません。");
            return;
        }
        switch (store.SignIn(body.Admin.Email, body.Admin.Password, out var token, out var retryAfter))
        {
            case EcforceStore.SignInResult.RateLimited:
                // [I] ecforce publishes no body for this; a throttle in front of a Rails app answers 429 with Retry-After (seconds).
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ErrorAsync(http, StatusCodes.Status429TooManyRequests, "ログイン回数の上限に達しました。");
                return;
            case EcforceStore.SignInResult.Invalid:
                await ErrorAsync(http, StatusCodes.Status401Unauthorized, "メールアドレスまたはパスワードが違います。");
                return;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("id", 1);
        w.WriteString("email", body.Admin.Email);
        w.WriteString("authentication_token", token);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    private static async Task ListAsync(HttpContext http, EcforceStore store, Resource resource)
    {
        if (!await GuardAsync(http, store)) return;
        string[] includable = resource switch
        {
            Resource.Customers => ["billing_address"],
            Resource.Orders => ["order_items"],
            _ => ["order_items", "customer"],
        };
        var query = ListQuery.Parse(http.Request.Query, includable, DefaultPer, MaxPer);
        if (query.Error is not null)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, query.Error);
            return;
        }

        var offset = (int)Math.Min(int.MaxValue, (query.Page - 1L) * query.Per);
        var (total, rows) = resource switch
        {
            Resource.Customers => Cast(store.Customers.Query(query.Since, offset, query.Per, query.Descending)),
            Resource.Orders => Cast(store.Orders.Query(query.Since, offset, query.Per, query.Descending)),
            _ => Cast(store.Subscriptions.Query(query.Since, offset, query.Per, query.Descending)),
        };

        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("data");
        var page = new List<ISandboxRow>(query.Per); // one page, kept only to write `included`
        foreach (var row in rows)
        {
            WriteRow(w, store, row);
            page.Add(row);
        }
        w.WriteEndArray();
        if (query.Include)
        {
            w.WriteStartArray("included");
            foreach (var row in page) WriteIncluded(w, row);
            if (query.Includes.Contains("customer"))
            {
                // A sub_order names its customer by customer_number [C3]; the customer resources come along, once each.
                foreach (var customerId in page.OfType<SubOrderRow>().Select(s => s.CustomerId).Distinct())
                {
                    if (store.Customers.Find(customerId) is { } customer) EcforceSandboxWriter.WriteCustomer(w, customer);
                }
            }
            w.WriteEndArray();
        }
        WriteMetaAndLinks(w, http.Request, query, total, page.Count);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    private static async Task SingleAsync(HttpContext http, EcforceStore store, Resource resource, long id)
    {
        if (!await GuardAsync(http, store)) return;
        ISandboxRow? row = resource switch
        {
            Resource.Customers => store.Customers.Find(id),
            Resource.Orders => store.Orders.Find(id),
            _ => store.Subscriptions.Find(id),
        };
        if (row is null)
        {
            var code = resource switch { Resource.Customers => "ACU2001", Resource.Orders => "AOR2001", _ => "ASO2001" };
            await ErrorAsync(http, StatusCodes.Status404NotFound, "データが見つかりません。", code);
            return;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WritePropertyName("data");
        WriteRow(w, store, row);
        if (!StringValues.IsNullOrEmpty(http.Request.Query["include"]))
        {
            w.WriteStartArray("included");
            WriteIncluded(w, row);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    /// <summary>Delay, injected faults and the token check; false when the response has been written.</summary>
    private static async Task<bool> GuardAsync(HttpContext http, EcforceStore store)
    {
        await DelayAsync(http, store);
        var (outcome, retryAfter) = store.Faults.Take(DateTimeOffset.UtcNow);
        switch (outcome)
        {
            case EcforceFaults.Outcome.TooMany:
                http.Response.Headers.RetryAfter = retryAfter.ToString();
                await ErrorAsync(http, StatusCodes.Status429TooManyRequests, "Too Many Requests");
                return false;
            case EcforceFaults.Outcome.ServerError:
                await ErrorAsync(http, StatusCodes.Status500InternalServerError, "予期しないエラーが発生しました。", "AOR9999");
                return false;
            case EcforceFaults.Outcome.HtmlUnavailable:
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(CdnErrorPage, http.RequestAborted);
                return false;
        }
        if (!store.IsValidToken(ReadToken(http.Request.Headers.Authorization)))
        {
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "認証に失敗しました。");
            return false;
        }
        return true;
    }

    /// <summary><c>Token token="abc"</c> (quotes optional) → abc.</summary>
    internal static string? ReadToken(StringValues header)
    {
        var value = header.ToString().Trim();
        if (!value.StartsWith("Token ", StringComparison.OrdinalIgnoreCase)) return null;
        var rest = value["Token ".Length..].Trim();
        if (!rest.StartsWith("token=", StringComparison.OrdinalIgnoreCase)) return null;
        var token = rest["token=".Length..].Trim().Trim('"');
        return token.Length == 0 ? null : token;
    }

    private static void WriteRow(Utf8JsonWriter w, EcforceStore store, ISandboxRow row)
    {
        switch (row)
        {
            case CustomerRow c: EcforceSandboxWriter.WriteCustomer(w, c); break;
            case OrderRow o: EcforceSandboxWriter.WriteOrder(w, o, store.Faults.MalformationOf(o.Id)); break;
            case SubOrderRow s: EcforceSandboxWriter.WriteSubOrder(w, s, store.Customers.Find(s.CustomerId)?.Number); break;
        }
    }

    private static void WriteIncluded(Utf8JsonWriter w, ISandboxRow row)
    {
        switch (row)
        {
            case CustomerRow c: EcforceSandboxWriter.WriteBillingAddress(w, c); break;
            case OrderRow o: foreach (var item in o.Items) EcforceSandboxWriter.WriteOrderItem(w, item); break;
            case SubOrderRow s: EcforceSandboxWriter.WriteOrderItem(w, s.Item); break;
        }
    }

    private static void WriteMetaAndLinks(Utf8JsonWriter w, HttpRequest request, ListQuery query, int total, int count)
    {
        var totalPages = (total + query.Per - 1) / query.Per;
        w.WriteStartObject("meta");
        w.WriteNumber("total_count", total);
        w.WriteNumber("page", query.Page);
        w.WriteNumber("per", query.Per);
        w.WriteNumber("count", count);
        w.WriteNumber("total_pages", totalPages);
        w.WriteEndObject();

        var self = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{query.OtherParameters}";
        string Link(int page) => $"{self}page={page}&per={query.Per}";
        w.WriteStartObject("links");
        w.WriteString("self", Link(query.Page));
        w.WriteString("first", Link(1));
        w.WriteString("prev", query.Page > 1 ? Link(query.Page - 1) : null);
        w.WriteString("next", query.Page < totalPages ? Link(query.Page + 1) : null);
        w.WriteString("last", Link(Math.Max(1, totalPages)));
        w.WriteEndObject();
    }

    /// <summary>
    /// Sends what <paramref name="w"/> wrote into the response pipe. Nothing has been flushed yet, so
    /// the length is known: a Content-Length instead of chunked encoding saves the client copying.
    /// </summary>
    private static async Task CompleteAsync(HttpContext http, Utf8JsonWriter w)
    {
        w.Flush();
        http.Response.ContentLength = w.BytesCommitted;
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private static (int, IEnumerable<ISandboxRow>) Cast<TRow>((int Total, IEnumerable<TRow> Rows) result) where TRow : ISandboxRow =>
        (result.Total, result.Rows.Cast<ISandboxRow>());

    private static Task DelayAsync(HttpContext http, EcforceStore store) =>
        store.Faults.ResponseDelay > TimeSpan.Zero ? Task.Delay(store.Faults.ResponseDelay, http.RequestAborted) : Task.CompletedTask;

    /// <summary>ecforce's error envelope: <c>{"errors":[{"message":"…"}]}</c> [C], with a code where ecforce has one [C3].</summary>
    private static async Task ErrorAsync(HttpContext http, int status, string message, string? code = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("errors");
        w.WriteStartObject();
        if (code is not null) w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    private static async Task WriteFaultsAsync(HttpContext http, EcforceFaults f)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("served_429", f.Served429);
        w.WriteNumber("served_500", f.Served500);
        w.WriteNumber("served_html_503", f.ServedHtml503);
        w.WriteNumber("requests_before_retry_after", f.RequestsBeforeRetryAfter);
        w.WriteNumber("api_requests", f.ApiRequests);
        w.WriteNumber("delay_ms", (long)f.ResponseDelay.TotalMilliseconds);
        w.WriteNumber("malformed_order_every", f.MalformedOrderEvery);
        w.WriteBoolean("reject_all_tokens", f.RejectAllTokens);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    private const string CdnErrorPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Just a moment...</title></head>
        <body><h1>503 Service Temporarily Unavailable</h1>
        <p>The web server is returning an unknown error. Please try again in a few minutes.</p>
        <p>Cloudflare Ray ID: 8c0ffee0d15ea5e5</p></body></html>
        """;
}
