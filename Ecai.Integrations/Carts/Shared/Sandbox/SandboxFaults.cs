using System.Text.Json;

namespace Ecai.Integrations.Carts.Shared.Sandbox;

/// <summary>
/// Misbehaviour on demand shared by the リピスト and サブスクストア sandboxes (also settable with
/// <c>POST {prefix}/_faults</c>), plus counters of what the sandbox served. Faults apply to the list
/// endpoints.
/// </summary>
public class SandboxFaults : FaultSwitches
{
    private long _apiRequests;

    /// <summary>Every credential is refused with 401 (a revoked token or application).</summary>
    public bool RejectAllTokens { get; set; }

    /// <summary>Calls to the API endpoints, whatever the answer.</summary>
    public long ApiRequests => Interlocked.Read(ref _apiRequests);

    public enum Outcome { None, TooMany, ServerError }

    /// <summary>Decides the fault (if any) for one API request arriving at <paramref name="now"/>.</summary>
    public (Outcome Outcome, int RetryAfterSeconds) Take(DateTimeOffset now)
    {
        Interlocked.Increment(ref _apiRequests);
        lock (Gate)
        {
            // A little slack for timer granularity on the client side.
            if (TooEarly(now, TimeSpan.FromMilliseconds(50), out var wait)) return (Outcome.TooMany, wait);
            if (TakeNext429(now, out var retryAfter)) return (Outcome.TooMany, retryAfter);
            if (TakeNext500()) return (Outcome.ServerError, 0);
            return (Outcome.None, 0);
        }
    }

    /// <summary>
    /// Applies the JSON body of <c>POST {prefix}/_faults</c>; absent fields leave a switch as it is:
    /// <c>{"next429": 3, "retry_after_seconds": 2, "next500": 1, "delay_ms": 50, "malformed_order_every": 100,
    /// "reject_all_tokens": false}</c> plus each cart's own switches.
    /// </summary>
    public void Apply(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return;
        ApplyShared(Int(body, "next429"), Int(body, "retry_after_seconds"), Int(body, "next500"), Int(body, "delay_ms"),
            Int(body, "malformed_order_every"));
        if (Bool(body, "reject_all_tokens") is { } reject) RejectAllTokens = reject;
        ApplyOwn(body);
    }

    /// <summary>Writes the switches and counters (the body of <c>GET {prefix}/_faults</c>).</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("served_429", Served429);
        w.WriteNumber("served_500", Served500);
        w.WriteNumber("requests_before_retry_after", RequestsBeforeRetryAfter);
        w.WriteNumber("api_requests", ApiRequests);
        w.WriteNumber("delay_ms", (long)ResponseDelay.TotalMilliseconds);
        w.WriteNumber("malformed_order_every", MalformedOrderEvery);
        w.WriteBoolean("reject_all_tokens", RejectAllTokens);
        WriteOwn(w);
        w.WriteEndObject();
    }

    /// <summary>A cart's own switches from the <c>_faults</c> body.</summary>
    protected virtual void ApplyOwn(JsonElement body)
    {
    }

    protected virtual void WriteOwn(Utf8JsonWriter w)
    {
    }

    protected static int? Int(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    protected static bool? Bool(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
