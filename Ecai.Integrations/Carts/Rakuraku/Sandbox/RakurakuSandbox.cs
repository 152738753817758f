using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecai.Integrations.Carts.Rakuraku.Sandbox;

/// <summary>
/// Minimal-API endpoints that speak the 楽楽リピート API as ECAI models it, over a <see cref="RakurakuStore"/>:
/// <c>{prefix}/api/oauth/authorize.php</c> (the shop owner's Japanese consent page, [C] path and parameters),
/// <c>{prefix}/api/oauth/token.php</c> ([I]), the order search <c>{prefix}/api/v1/orders</c> ([I] shape, 500-row cap
/// and 1 rps [C]) and the fault switches at <c>{prefix}/_faults</c>.
/// </summary>
public static class RakurakuSandbox
{
    public const int MaxLimit = 500;   // [C] max 500 records per search
    private const int DefaultLimit = 100; // [I]

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
    public static Task<SandboxServer<RakurakuStore>> StartAsync(RakurakuStore store, CancellationToken ct = default) =>
        SandboxServer<RakurakuStore>.StartAsync(store, app => Map(app, "", store), ct);

    extension(SandboxServer<RakurakuStore> server)
    {
        /// <summary>What a connection's ApiBaseUrl is for this sandbox: <c>{BaseUrl}/api</c>.</summary>
        public string ApiBaseUrl => server.BaseUrl + "/api";
    }

    /// <summary>Mounts the sandbox under <paramref name="prefix"/> (e.g. "/sandbox/rakuraku", or "" for a server of its own).</summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app, string prefix, RakurakuStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var group = app.MapGroup(prefix.TrimEnd('/')).AllowAnonymous().DisableAntiforgery();
        group.MapGet("/api/oauth/authorize.php", (HttpContext http) => ConsentPageAsync(http, store));
        group.MapPost("/api/oauth/authorize.php", (HttpContext http) => DecideAsync(http, store));
        group.MapPost("/api/oauth/token.php", (HttpContext http) => TokenAsync(http, store));
        group.MapGet("/api/v1/orders", (HttpContext http) => SearchAsync(http, store));
        group.MapGet("/_faults", (HttpContext http) => WriteFaultsAsync(http, store.Faults));
        group.MapPost("/_faults", async (HttpContext http) =>
        {
            var settings = await http.Request.ReadFromJsonAsync(RakurakuSandboxJsonContext.Default.Settings, http.RequestAborted);
            if (settings is not null) store.Faults.Apply(settings);
            await WriteFaultsAsync(http, store.Faults);
        });
        return group;
    }

    // ---- OAuth ----

    private static async Task ConsentPageAsync(HttpContext http, RakurakuStore store)
    {
        var q = http.Request.Query;
        string clientId = q["client_id"].ToString(), redirectUri = q["redirect_uri"].ToString(), state = q["state"].ToString();
        if (ValidateAuthorize(store, clientId, q["response_type"].ToString(), redirectUri) is { } problem)
        {
            await HtmlAsync(http, StatusCodes.Status400BadRequest, Page(store, $"<p class=\"error\" data-testid=\"error\">{E(problem)}</p>"));
            return;
        }
        var form = $"""
            <p>「{E(store.Options.AppName)}」が「{E(store.Options.ShopName)}」の受注情報の参照を求めています。</p>
            <p><strong>ECAIとの連携を許可しますか?</strong></p>
            <form method="post" action="">
              <input type="hidden" name="client_id" value="{E(clientId)}">
              <input type="hidden" name="response_type" value="code">
              <input type="hidden" name="redirect_uri" value="{E(redirectUri)}">
              <input type="hidden" name="state" value="{E(state)}">
              <button type="submit" name="decision" value="allow" data-testid="allow">許可する</button>
              <button type="submit" name="decision" value="deny" data-testid="deny">許可しない</button>
            </form>
            """;
        await HtmlAsync(http, StatusCodes.Status200OK, Page(store, form));
    }

    private static async Task DecideAsync(HttpContext http, RakurakuStore store)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string clientId = form["client_id"].ToString(), redirectUri = form["redirect_uri"].ToString(), state = form["state"].ToString();
        if (ValidateAuthorize(store, clientId, form["response_type"].ToString(), redirectUri) is { } problem)
        {
            await HtmlAsync(http, StatusCodes.Status400BadRequest, Page(store, $"<p class=\"error\">{E(problem)}</p>"));
            return;
        }
        var answer = form["decision"] == "allow"
            ? "code=" + Uri.EscapeDataString(store.Approve(redirectUri))
            : "error=access_denied";
        var separator = redirectUri.Contains('?') ? '&' : '?';
        http.Response.Redirect($"{redirectUri}{separator}{answer}&state={Uri.EscapeDataString(state)}");
    }

    private static string? ValidateAuthorize(RakurakuStore store, string clientId, string responseType, string redirectUri)
    {
        if (!store.IsKnownClient(clientId)) return "クライアントIDが正しくありません。外部アプリ連携の設定を確認してください。";
        if (responseType != "code") return "response_type には code を指定してください。";
        if (!store.AcceptsRedirect(redirectUri)) return "リダイレクトURLが外部アプリ連携に登録されたものと一致しません。";
        return null;
    }

    private static async Task TokenAsync(HttpContext http, RakurakuStore store)
    {
        if (!http.Request.HasFormContentType)
        {
            await OAuthErrorAsync(http, StatusCodes.Status400BadRequest, "invalid_request", "form-encoded body required");
            return;
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!store.IsClient(form["client_id"], form["client_secret"]))
        {
            await OAuthErrorAsync(http, StatusCodes.Status401Unauthorized, "invalid_client", "クライアント認証に失敗しました。");
            return;
        }
        var grant = form["grant_type"].ToString();
        if (grant is not ("authorization_code" or "refresh_token"))
        {
            await OAuthErrorAsync(http, StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type が正しくありません。");
            return;
        }
        var tokens = grant == "authorization_code" ? store.ExchangeCode(form["code"], form["redirect_uri"]) : store.Refresh(form["refresh_token"]);
        if (tokens is not { } t)
        {
            await OAuthErrorAsync(http, StatusCodes.Status400BadRequest, "invalid_grant", "認可コードまたはリフレッシュトークンが無効です。");
            return;
        }
        http.Response.Headers.CacheControl = "no-store";
        await JsonAsync(http, StatusCodes.Status200OK, w =>
        {
            w.WriteString("access_token", t.Access);
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", (long)t.Lifetime.TotalSeconds);
            w.WriteString("refresh_token", t.Refresh);
        });
    }

    // ---- order search ----

    private static async Task SearchAsync(HttpContext http, RakurakuStore store)
    {
        var (outcome, retryAfter) = store.Faults.Take(DateTimeOffset.UtcNow, store.Options.ThrottleInterval);
        switch (outcome)
        {
            case RakurakuFaults.Outcome.TooMany:
                http.Response.Headers.RetryAfter = retryAfter.ToString();
                await ApiErrorAsync(http, StatusCodes.Status429TooManyRequests, "too_many_requests", "リクエストは1秒に1回までです。");
                return;
            case RakurakuFaults.Outcome.ServerError:
                await ApiErrorAsync(http, StatusCodes.Status500InternalServerError, "server_error", "システムエラーが発生しました。");
                return;
        }
        var rows = 0;
        try
        {
            if (store.Faults.ResponseDelay > TimeSpan.Zero) await Task.Delay(store.Faults.ResponseDelay, http.RequestAborted);
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
            if (!store.IsValidAccessToken(token))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await ApiErrorAsync(http, StatusCodes.Status401Unauthorized, "invalid_token", "アクセストークンが無効です。");
                return;
            }
            var q = http.Request.Query;
            DateTimeOffset? since = null;
            if (!string.IsNullOrEmpty(q["updated_at_from"]))
            {
                if (!RakurakuTime.TryParse(q["updated_at_from"], out var from))
                {
                    await ApiErrorAsync(http, StatusCodes.Status400BadRequest, "invalid_request", "updated_at_from は YYYY-MM-DD HH:MM:SS で指定してください。");
                    return;
                }
                since = from;
            }
            var page = int.TryParse(q["page"], out var p) ? p : 1;
            var limit = string.IsNullOrEmpty(q["limit"]) ? DefaultLimit : int.TryParse(q["limit"], out var l) ? l : -1;
            if (page < 1 || limit is < 1 or > MaxLimit)
            {
                await ApiErrorAsync(http, StatusCodes.Status400BadRequest, "invalid_request", $"page は1以上、limit は1〜{MaxLimit}で指定してください。");
                return;
            }
            var offset = (int)Math.Min(int.MaxValue, (page - 1L) * limit);
            var (total, orders) = store.Orders.Query(since, offset, limit, descending: false);
            http.Response.ContentType = "application/json; charset=utf-8";
            using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
            w.WriteStartObject();
            w.WriteNumber("total_count", total);
            w.WriteNumber("page", page);
            w.WriteNumber("limit", limit);
            w.WriteStartArray("orders");
            foreach (var order in orders)
            {
                WriteOrder(w, store, order, store.Faults.MalformationOf(order.Id));
                rows++;
            }
            w.WriteEndArray();
            w.WriteEndObject();
            await CompleteAsync(http, w);
        }
        finally
        {
            store.Faults.Done(rows);
        }
    }

    /// <summary>[I] The modelled order JSON (see RakurakuDtos).</summary>
    private static void WriteOrder(Utf8JsonWriter w, RakurakuStore store, RakurakuOrderRow o, int malformation)
    {
        w.WriteStartObject();
        w.WriteNumber("order_id", o.Id);
        w.WriteString("order_number", o.Number);
        w.WriteString("ordered_at", malformation == 1 ? "2026-13-45 25:61:00" : RakurakuTime.Format(o.OrderedAt));
        w.WriteString("updated_at", RakurakuTime.Format(o.UpdatedAt));
        if (o.ShippedAt is { } shipped) w.WriteString("shipped_at", RakurakuTime.Format(shipped));
        else w.WriteNull("shipped_at");
        w.WriteNumber("total", o.Total);
        w.WriteString("order_status", o.Status);
        var c = store.CustomerAt(o.CustomerIndex);
        w.WriteStartObject("customer");
        if (malformation == 2) w.WriteNull("customer_id");
        else w.WriteNumber("customer_id", c.Id);
        w.WriteString("name", c.Name);
        w.WriteString("tel", c.Phone);
        w.WriteString("mail", c.Mail);
        w.WriteString("birthday", c.Birthday?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteStartArray("items");
        foreach (var item in o.Items)
        {
            w.WriteStartObject();
            w.WriteString("product_code", item.Product.Code);
            w.WriteString("product_name", item.Product.Name);
            w.WriteString("course_name", item.Product.CourseName);
            w.WriteNumber("quantity", item.Quantity);
            w.WriteNumber("price", item.Product.Price);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (o.RegularId is { } regularId)
        {
            w.WriteStartObject("regular");
            w.WriteNumber("regular_id", regularId);
            if (o.Times is { } times) w.WriteNumber("times", times);
            w.WriteString("status", o.RegularStatus);
            w.WriteEndObject();
        }
        else w.WriteNull("regular");
        w.WriteEndObject();
    }

    // ---- plumbing ----

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Page(RakurakuStore store, string body) => $"""
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"><title>外部アプリ連携の許可 | {E(store.Options.ShopName)}</title>
        <style>body{"{"}font-family:sans-serif;max-width:32rem;margin:3rem auto;line-height:1.7{"}"} button{"{"}margin-right:1rem;padding:.4rem 1.2rem{"}"} .error{"{"}color:#b00{"}"}</style></head>
        <body><h1>{E(store.Options.ShopName)}</h1><h2>外部アプリ連携の許可</h2>
        {body}
        </body></html>
        """;

    private static async Task HtmlAsync(HttpContext http, int status, string html)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }

    private static Task OAuthErrorAsync(HttpContext http, int status, string error, string description) =>
        JsonAsync(http, status, w =>
        {
            w.WriteString("error", error);
            w.WriteString("error_description", description);
        });

    /// <summary>[I] API errors use the same <c>{"error","error_description"}</c> envelope.</summary>
    private static Task ApiErrorAsync(HttpContext http, int status, string error, string description) => OAuthErrorAsync(http, status, error, description);

    private static async Task JsonAsync(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        write(w);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    private static async Task CompleteAsync(HttpContext http, Utf8JsonWriter w)
    {
        w.Flush();
        http.Response.ContentLength = w.BytesCommitted;
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private static Task WriteFaultsAsync(HttpContext http, RakurakuFaults f) =>
        JsonAsync(http, StatusCodes.Status200OK, w =>
        {
            w.WriteNumber("served_429", f.Served429);
            w.WriteNumber("served_500", f.Served500);
            w.WriteNumber("throttled_requests", f.ThrottledRequests);
            w.WriteNumber("requests_before_retry_after", f.RequestsBeforeRetryAfter);
            w.WriteNumber("api_requests", f.ApiRequests);
            w.WriteNumber("max_concurrent_requests", f.MaxConcurrentRequests);
            w.WriteNumber("largest_page", f.LargestPage);
            w.WriteNumber("delay_ms", (long)f.ResponseDelay.TotalMilliseconds);
            w.WriteNumber("malformed_order_every", f.MalformedOrderEvery);
            w.WriteBoolean("reject_all_tokens", f.RejectAllTokens);
            w.WriteBoolean("throttled", f.Throttled);
        });
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RakurakuFaults.Settings))]
internal sealed partial class RakurakuSandboxJsonContext : JsonSerializerContext;
