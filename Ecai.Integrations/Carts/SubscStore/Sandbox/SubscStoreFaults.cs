using System.Text.Json;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.SubscStore.Sandbox;

/// <summary>
/// The shared fault switches plus サブスクストア's own: <c>"expire_tokens": true</c> makes every token
/// issued so far expire at once (a 401 the connector answers with one new exchange);
/// <c>"next_token503": n</c> makes the next n token requests fail with 503.
/// </summary>
public sealed class SubscStoreFaults : SandboxFaults
{
    private int _nextToken503, _tokenRequests;

    internal event Action? TokensExpired;

    /// <summary>The next <paramref name="count"/> token requests are answered 503.</summary>
    public void NextToken503(int count) => Volatile.Write(ref _nextToken503, Math.Max(0, count));

    /// <summary>Calls to the token endpoint, whatever the answer.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Counts one token request; true when it must fail with 503.</summary>
    internal bool TakeToken()
    {
        Interlocked.Increment(ref _tokenRequests);
        while (true)
        {
            var left = Volatile.Read(ref _nextToken503);
            if (left == 0) return false;
            if (Interlocked.CompareExchange(ref _nextToken503, left - 1, left) == left) return true;
        }
    }

    public void ExpireTokens() => TokensExpired?.Invoke();

    protected override void ApplyOwn(JsonElement body)
    {
        if (Bool(body, "expire_tokens") == true) ExpireTokens();
        if (Int(body, "next_token503") is { } n) NextToken503(n);
    }

    protected override void WriteOwn(Utf8JsonWriter w) => w.WriteNumber("token_requests", TokenRequests);
}
