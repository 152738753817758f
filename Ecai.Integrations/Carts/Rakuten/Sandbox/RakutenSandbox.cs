using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecai.Integrations.Carts.Rakuten.Sandbox;

/// <summary>
/// Minimal-API endpoints that speak 楽天ペイ受注API 2.0 over a <see cref="RakutenStore"/>:
/// <c>POST /es/2.0/order/searchOrder/</c> and <c>POST /es/2.0/order/getOrder/</c> behind
/// <c>Authorization: ESA base64(serviceSecret:licenseKey)</c>, and the fault switches at <c>{prefix}/_faults</c>.
/// Business errors are HTTP 200 with an ERROR entry in MessageModelList (as RMS does [I, R1]); a wrong or
/// expired licence is 401 with an ERROR entry [I]. Message codes are modelled [I].
/// </summary>
public static class RakutenSandbox
{
    private const int MaxWindowDays = 63;      // [C3]
    private const int MaxHistoryDays = 730;    // [I]
    private const int MaxRecords = 1_000;      // [C]
    private const int MaxOrdersPerGet = 100;   // [C]

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The sandbox on its own Kestrel at 127.0.0.1 and a free port (tests, benchmarks).</summary>
    public static Task<SandboxServer<RakutenStore>> StartAsync(RakutenStore store, CancellationToken ct = default) =>
        SandboxServer<RakutenStore>.StartAsync(store, app => Map(app, "", store), ct);

    /// <summary>Mounts the sandbox under <paramref name="prefix"/> (e.g. "/sandbox/rakuten", or "" for a server of its own).</summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app, string prefix, RakutenStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var group = app.MapGroup(prefix.TrimEnd('/')).AllowAnonymous();
        group.MapPost("/es/2.0/order/searchOrder/", (HttpContext http) => SearchOrderAsync(http, store));
        group.MapPost("/es/2.0/order/getOrder/", (HttpContext http) => GetOrderAsync(http, store));
        group.MapGet("/_faults", (HttpContext http) => WriteFaultsAsync(http, store.Faults));
        group.MapPost("/_faults", async (HttpContext http) =>
        {
            var settings = await http.Request.ReadFromJsonAsync(RakutenSandboxJsonContext.Default.Settings, http.RequestAborted);
            if (settings is not null) store.Faults.Apply(settings);
            await WriteFaultsAsync(http, store.Faults);
        });
        return group;
    }

    private static async Task SearchOrderAsync(HttpContext http, RakutenStore store)
    {
        if (!await GuardAsync(http, store)) return;
        var body = await ReadAsync(http, RakutenJsonContext.Default.SearchOrderRequest);
        var now = store.Now;
        var error = body switch
        {
            null => "リクエストの形式が正しくありません。",
            { DateType: not 1 } => "サンドボックスは dateType 1(注文日)のみ対応しています。",
            _ when !RakutenTime.TryParse(body.StartDatetime, out _) || !RakutenTime.TryParse(body.EndDatetime, out _)
                => "startDatetime・endDatetime は yyyy-MM-ddTHH:mm:ss+0900 の形式で指定してください。",
            { Pagination: null } => "PaginationRequestModel を指定してください。",
            { Pagination.RequestRecordsAmount: < 1 or > MaxRecords } => $"requestRecordsAmount は{MaxRecords}以下で指定してください。",
            { Pagination.RequestPage: < 1 } => "requestPage は1以上で指定してください。",
            _ => null,
        };
        RakutenTime.TryParse(body?.StartDatetime, out var from);
        RakutenTime.TryParse(body?.EndDatetime, out var to);
        error ??= to < from ? "endDatetime は startDatetime 以降を指定してください。"
            : to - from > TimeSpan.FromDays(MaxWindowDays) ? $"検索期間は{MaxWindowDays}日以内で指定してください。"
            : from < now.AddDays(-MaxHistoryDays) ? $"startDatetime は{MaxHistoryDays}日前以降を指定してください。"
            : null;
        if (error is not null)
        {
            await MessageAsync(http, StatusCodes.Status200OK, "ERROR", "ORDER_EXT_API_SEARCH_ORDER_ERROR", error);
            return;
        }

        store.Faults.CountSearch();
        var pagination = body!.Pagination!;
        var descending = pagination.SortModelList is [{ SortColumn: 1, SortDirection: 2 }, ..];
        var (first, count) = store.Range(from, to);
        var per = pagination.RequestRecordsAmount;
        var totalPages = (int)((count + per - 1) / per);
        var skip = (long)(pagination.RequestPage - 1) * per;

        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        WriteMessages(w, "INFO", "ORDER_EXT_API_SEARCH_ORDER_INFO_101", "注文検索に成功しました。");
        w.WriteStartArray("orderNumberList");
        for (var k = skip; k < Math.Min(count, skip + per); k++)
        {
            var seq = descending ? first + count - 1 - k : first + k;
            w.WriteStringValue(store.Order(seq)!.Number);
        }
        w.WriteEndArray();
        w.WriteStartObject("PaginationResponseModel");
        w.WriteNumber("totalRecordsAmount", count);
        w.WriteNumber("totalPages", totalPages);
        w.WriteNumber("requestPage", pagination.RequestPage);
        w.WriteEndObject();
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    private static async Task GetOrderAsync(HttpContext http, RakutenStore store)
    {
        if (!await GuardAsync(http, store)) return;
        var body = await ReadAsync(http, RakutenJsonContext.Default.GetOrderRequest);
        var numbers = body?.OrderNumberList ?? [];
        store.Faults.CountGetOrder(numbers.Count);
        var error = numbers.Count == 0 ? "orderNumberList を指定してください。"
            : numbers.Count > MaxOrdersPerGet ? $"orderNumberList は{MaxOrdersPerGet}件以内で指定してください。"
            : body!.Version is < 1 or > 9 ? "version が正しくありません。"
            : null;
        if (error is not null)
        {
            await MessageAsync(http, StatusCodes.Status200OK, "ERROR", "ORDER_EXT_API_GET_ORDER_ERROR", error);
            return;
        }

        var oldest = store.Now.AddDays(-MaxHistoryDays);
        var found = new List<OrderRow>(numbers.Count);
        var missing = new List<string>();
        foreach (var number in numbers)
        {
            if (store.Find(number) is { } row && row.OrderedAt >= oldest) found.Add(row);
            else missing.Add(number);
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("MessageModelList");
        WriteMessage(w, "INFO", "ORDER_EXT_API_GET_ORDER_INFO_101", "受注情報取得に成功しました。", null);
        foreach (var number in missing) WriteMessage(w, "ERROR", "ORDER_EXT_API_GET_ORDER_ERROR_NOT_FOUND", "指定された受注番号は存在しません。", number);
        w.WriteEndArray();
        w.WriteStartArray("OrderModelList");
        foreach (var row in found) RakutenSandboxWriter.WriteOrder(w, row, store.Customer(row.CustomerIndex), store.Faults.MalformationOf(row.Seq));
        w.WriteEndArray();
        w.WriteNumber("version", body!.Version);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    /// <summary>Delay, injected faults, the throttle and the ESA check; false when the response has been written.</summary>
    private static async Task<bool> GuardAsync(HttpContext http, RakutenStore store)
    {
        if (store.Faults.ResponseDelay > TimeSpan.Zero) await Task.Delay(store.Faults.ResponseDelay, http.RequestAborted);
        var (outcome, retryAfter) = store.Faults.Take(DateTimeOffset.UtcNow, store.Options.ThrottleRps);
        switch (outcome)
        {
            case RakutenFaults.Outcome.TooMany:
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await MessageAsync(http, StatusCodes.Status429TooManyRequests, "ERROR", "ES04-03", "Too Many Requests"); // [I]
                return false;
            case RakutenFaults.Outcome.ServerError:
                await MessageAsync(http, StatusCodes.Status500InternalServerError, "ERROR", "ES05-01", "Internal Server Error"); // [I]
                return false;
        }
        var header = http.Request.Headers.Authorization.ToString().Trim();
        var esa = header.StartsWith("ESA ", StringComparison.Ordinal) ? header[4..].Trim() : null;
        if (!store.IsAuthorized(esa))
        {
            await MessageAsync(http, StatusCodes.Status401Unauthorized, "ERROR", "ES04-01", "認証に失敗しました。serviceSecret・licenseKeyを確認してください。");
            return false;
        }
        if (store.Faults.LicenseExpired)
        {
            await MessageAsync(http, StatusCodes.Status401Unauthorized, "ERROR", "ES04-02", "licenseKeyの有効期限が切れています。");
            return false;
        }
        if (!http.Request.HasJsonContentType())
        {
            await MessageAsync(http, StatusCodes.Status400BadRequest, "ERROR", "ES01-01", "Content-Type は application/json; charset=utf-8 を指定してください。");
            return false;
        }
        if (store.Faults.TakeBusinessError() is { } business)
        {
            await MessageAsync(http, StatusCodes.Status200OK, "ERROR", "ORDER_EXT_API_ERROR", business);
            return false;
        }
        return true;
    }

    private static async Task<T?> ReadAsync<T>(HttpContext http, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return await http.Request.ReadFromJsonAsync(type, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task MessageAsync(HttpContext http, int status, string type, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        WriteMessages(w, type, code, message);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }

    private static void WriteMessages(Utf8JsonWriter w, string type, string code, string message)
    {
        w.WriteStartArray("MessageModelList");
        WriteMessage(w, type, code, message, null);
        w.WriteEndArray();
    }

    private static void WriteMessage(Utf8JsonWriter w, string type, string code, string message, string? orderNumber)
    {
        w.WriteStartObject();
        w.WriteString("messageType", type);
        w.WriteString("messageCode", code);
        w.WriteString("message", message);
        if (orderNumber is not null) w.WriteString("orderNumber", orderNumber);
        w.WriteEndObject();
    }

    private static async Task CompleteAsync(HttpContext http, Utf8JsonWriter w)
    {
        w.Flush();
        http.Response.ContentLength = w.BytesCommitted;
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private static async Task WriteFaultsAsync(HttpContext http, RakutenFaults f)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("served_429", f.Served429);
        w.WriteNumber("served_500", f.Served500);
        w.WriteNumber("throttled_429", f.Throttled429);
        w.WriteNumber("requests_before_retry_after", f.RequestsBeforeRetryAfter);
        w.WriteNumber("api_requests", f.ApiRequests);
        w.WriteNumber("delay_ms", (long)f.ResponseDelay.TotalMilliseconds);
        w.WriteNumber("malformed_order_every", f.MalformedOrderEvery);
        w.WriteBoolean("license_expired", f.LicenseExpired);
        w.WriteBoolean("throttled", f.Throttled);
        w.WriteNumber("search_calls", f.SearchCalls);
        w.WriteNumber("get_order_calls", f.GetOrderCalls);
        w.WriteNumber("largest_get_order_batch", f.LargestGetOrderBatch);
        w.WriteEndObject();
        await CompleteAsync(http, w);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RakutenFaults.Settings))]
internal sealed partial class RakutenSandboxJsonContext : JsonSerializerContext;
