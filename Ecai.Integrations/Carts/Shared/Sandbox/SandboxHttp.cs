using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>Response plumbing shared by the リピスト and サブスクストア sandboxes (their JSON shapes stay their own).</summary>
internal static class SandboxHttp
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a JSON body with a Content-Length (the writer is flushed once, at the end).</summary>
    public static async Task WriteJsonAsync(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        write(w);
        w.Flush();
        http.Response.ContentLength = w.BytesCommitted;
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    /// <summary>
    /// Delay and injected 429/500 for one API request; false when the response has been written.
    /// <paramref name="error"/> writes the cart's own error body (status, message).
    /// </summary>
    public static async Task<bool> FaultsAsync(HttpContext http, SandboxFaults faults, Func<HttpContext, int, string, Task> error)
    {
        if (faults.ResponseDelay > TimeSpan.Zero) await Task.Delay(faults.ResponseDelay, http.RequestAborted);
        var (outcome, retryAfter) = faults.Take(DateTimeOffset.UtcNow);
        switch (outcome)
        {
            case SandboxFaults.Outcome.TooMany:
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await error(http, StatusCodes.Status429TooManyRequests, "Too Many Requests");
                return false;
            case SandboxFaults.Outcome.ServerError:
                await error(http, StatusCodes.Status500InternalServerError, "システムエラーが発生しました。");
                return false;
            default:
                return true;
        }
    }

    /// <summary><c>GET/POST {prefix}/_faults</c>: read or change the switches.</summary>
    public static void MapFaults(RouteGroupBuilder group, SandboxFaults faults)
    {
        group.MapGet("/_faults", (HttpContext http) => WriteJsonAsync(http, 200, faults.Write));
        group.MapPost("/_faults", async (HttpContext http) =>
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                faults.Apply(body.RootElement);
            }
            catch (JsonException)
            {
                await WriteJsonAsync(http, StatusCodes.Status400BadRequest, w => { w.WriteStartObject(); w.WriteString("error", "JSONを送ってください。"); w.WriteEndObject(); });
                return;
            }
            await WriteJsonAsync(http, 200, faults.Write);
        });
    }

    /// <summary>A positive int query parameter, its default when absent; null when present but not a positive number.</summary>
    public static int? PositiveInt(IQueryCollection query, string name, int fallback) =>
        !query.TryGetValue(name, out var text) ? fallback : int.TryParse(text, out var value) && value >= 1 ? value : null;
}
