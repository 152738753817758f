using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecai.Domain.Line;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ecai.Integrations.Line;

/// <summary>
/// Sending on a bot's behalf (<see cref="ILineMessenger"/>, docs/line.md § Sending, Rate limits, Per-user rich menus) over the <see cref="LineSetup.SendClientName"/>
/// pipeline. A push or multicast body is serialised once and re-sent as is on every attempt, with the caller's retry
/// key in <c>X-Line-Retry-Key</c>. Neither the token nor a message body is ever logged or put in an error.
/// </summary>
public sealed partial class LineApiClient
{
    /// <summary>LINE's 429 message for an exhausted month [C: docs/line.md § Sending]; any other 429 is the per-second rate limit.</summary>
    internal const string MonthlyLimitMessage = "You have reached your monthly limit.";

    private static readonly JsonWriterOptions BodyWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <c>POST /v2/bot/message/push</c> with <c>notificationDisabled</c> false. 200, or 409 for a retry key LINE already
    /// accepted, is Sent; see <see cref="PushResult"/> for the rest. The caller's cancellation is thrown, not reported.
    /// </summary>
    public Task<PushResult> PushAsync(string accessToken, string to, JsonArray messages, Guid retryKey, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var body = Body(w => w.WriteString("to", to), messages);
        return SendAsync(accessToken, retryKey, body, multicast: false, (api, content, key) => api.PushAsync(content, key, accessToken, ct), ct);
    }

    /// <summary><c>POST /v2/bot/message/multicast</c> to up to 500 users, answered as <see cref="PushAsync"/>.</summary>
    public Task<PushResult> MulticastAsync(string accessToken, IReadOnlyList<string> to, JsonArray messages, Guid retryKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        var body = Body(w =>
        {
            w.WriteStartArray("to");
            foreach (var userId in to) w.WriteStringValue(userId);
            w.WriteEndArray();
        }, messages);
        return SendAsync(accessToken, retryKey, body, multicast: true, (api, content, key) => api.MulticastAsync(content, key, accessToken, ct), ct);
    }

    /// <summary>True when LINE linked the rich menu; false when it refused or could not be reached after retries (logged).</summary>
    public Task<bool> LinkRichMenuAsync(string accessToken, string userId, string richMenuId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(richMenuId);
        return RichMenuAsync(accessToken, "link", api => api.LinkRichMenuAsync(userId, richMenuId, accessToken, ct), ct);
    }

    /// <summary>True when LINE unlinked the user's rich menu; false when it refused or could not be reached after retries (logged).</summary>
    public Task<bool> UnlinkRichMenuAsync(string accessToken, string userId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return RichMenuAsync(accessToken, "unlink", api => api.UnlinkRichMenuAsync(userId, accessToken, ct), ct);
    }

    /// <summary>
    /// The month's limit (null for <c>"none"</c>) and consumption. Any failure (a refused token, 5xx after retries,
    /// network, time-out) is an <see cref="HttpRequestException"/> without the token in it.
    /// </summary>
    public async Task<LineQuota> QuotaAsync(string accessToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        try
        {
            using var http = NewHttpClient();
            var api = Api(http);
            LineQuotaBody quota;
            using (var response = await api.QuotaAsync(accessToken, ct))
                quota = await ReadAsync(response, LineJsonContext.Default.LineQuotaBody, "GET /v2/bot/message/quota", ct);
            using var used = await api.QuotaConsumptionAsync(accessToken, ct);
            var consumption = await ReadAsync(used, LineJsonContext.Default.LineConsumptionBody, "GET /v2/bot/message/quota/consumption", ct);
            return new LineQuota(quota.Type == "limited" ? quota.Value ?? 0 : null, consumption.TotalUsage);
        }
        catch (Exception ex) when (ex is not HttpRequestException && IsUnavailable(ex, ct))
        {
            throw new HttpRequestException($"LINE quota: {ex.GetType().Name} ({ex.Message}).", ex);
        }
    }

    /// <summary>
    /// Whether the send pipeline tries again (same request, same retry key): network errors and time-outs, 5xx, 408,
    /// and a 429 that is the per-second rate limit. The monthly-limit 429 is final: retrying cannot help this month.
    /// </summary>
    internal static async ValueTask<bool> ShouldRetrySendAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.Outcome.Exception is not null) return HttpClientResiliencePredicates.IsTransient(args.Outcome);
        var response = args.Outcome.Result!;
        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout) return true;
        return response.StatusCode == HttpStatusCode.TooManyRequests
               && (await ReadErrorAsync(response, args.Context.CancellationToken))?.Message != MonthlyLimitMessage;
    }

    private async Task<PushResult> SendAsync(string accessToken, Guid retryKey, byte[] body, bool multicast,
        Func<ILineApi, HttpContent, string, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        if (retryKey == Guid.Empty) throw new ArgumentException("A send needs its retry key.", nameof(retryKey));
        if (!await pacer.WaitAsync(accessToken, multicast, ct))
            return new PushResult(PushOutcome.RateLimited, "Too many sends waiting for this channel.");
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
            using var response = await send(SendApi(), content, retryKey.ToString("D"));
            return await OutcomeAsync(response, accessToken, ct);
        }
        catch (Exception ex) when (IsUnavailable(ex, ct))
        {
            logger.LogDebug("LINE could not be reached for a send ({Error}).", ex.GetType().Name);
            return new PushResult(PushOutcome.Unavailable, ex is TimeoutRejectedException ? "LINE did not answer in time." : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>LINE's final answer (after the pipeline's retries) as a <see cref="PushResult"/>.</summary>
    private static async Task<PushResult> OutcomeAsync(HttpResponseMessage response, string accessToken, CancellationToken ct)
    {
        // 409: LINE accepted this retry key before, so the user has the messages [C: docs/line.md § Sending].
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict) return PushResult.Sent;
        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            return new PushResult(PushOutcome.Unavailable, $"HTTP {status}");
        var error = await ReadErrorAsync(response, ct);
        var text = Describe(status, error, accessToken);
        if (response.StatusCode != HttpStatusCode.TooManyRequests) return new PushResult(PushOutcome.Refused, text);
        return new PushResult(error?.Message == MonthlyLimitMessage ? PushOutcome.QuotaExceeded : PushOutcome.RateLimited, text);
    }

    private async Task<bool> RichMenuAsync(string accessToken, string what, Func<ILineApi, Task<HttpResponseMessage>> call, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        try
        {
            using var response = await call(SendApi());
            if (response.IsSuccessStatusCode) return true;
            var error = await ReadErrorAsync(response, ct);
            logger.LogWarning("LINE refused a rich menu {What}: {Error}", what, Describe((int)response.StatusCode, error, accessToken));
            return false;
        }
        catch (Exception ex) when (IsUnavailable(ex, ct))
        {
            logger.LogWarning("LINE could not be reached for a rich menu {What} ({Error}).", what, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// The Refit client over the send pipeline, kept for a minute and for as long as <see cref="LineEndpoint.BaseUrl"/>
    /// stays: building one per push (request builder, HttpClient) would cost more than the push. A minute lets
    /// IHttpClientFactory rotate its handlers; a replaced client is left to in-flight calls, not disposed (the
    /// handler belongs to the factory).
    /// </summary>
    private ILineApi SendApi()
    {
        var baseUrl = endpoint.BaseUrl;
        var now = Environment.TickCount64;
        if (Volatile.Read(ref _sendApi) is { } current && ReferenceEquals(current.BaseUrl, baseUrl) && now < current.Until) return current.Api;
        var http = NewHttpClient(LineSetup.SendClientName);
        http.BaseAddress = baseUrl;
        var fresh = new CachedApi(baseUrl, Api(http), now + 60_000);
        Volatile.Write(ref _sendApi, fresh);
        return fresh.Api;
    }

    private CachedApi? _sendApi;

    private sealed record CachedApi(Uri BaseUrl, ILineApi Api, long Until);

    /// <summary>The JSON body <c>{…to…,"messages":[…],"notificationDisabled":false}</c>, written once for every attempt.</summary>
    private static byte[] Body(Action<Utf8JsonWriter> writeTo, JsonArray messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, BodyWriterOptions))
        {
            w.WriteStartObject();
            writeTo(w);
            w.WritePropertyName("messages");
            messages.WriteTo(w);
            w.WriteBoolean("notificationDisabled", false);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>LINE's error body, buffered so the pipeline and the client can both read it; null when it is not one.</summary>
    private static async Task<LineErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, LineJsonContext.Default.LineErrorBody);
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>"HTTP 400: The request body has 1 error(s) (messages[0].text: must be specified)", never with the token.</summary>
    private static string Describe(int status, LineErrorBody? error, string accessToken)
    {
        var text = $"HTTP {status}";
        if (error?.Message is { Length: > 0 } message) text += $": {message}";
        if (error?.Details is { Length: > 0 } details)
            text += $" ({string.Join("; ", details.Select(d => $"{d.Property}: {d.Message}"))})";
        return text.Replace(accessToken, "***", StringComparison.Ordinal);
    }
}
