using System.Text.Json;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.SubscStore.Sandbox;

/// <summary>
/// The shared fault switches plus サブスクストア's own: <c>"expire_tokens": true</c> makes every token
/// issued so far expire at once (a 401 the connector answers with one new exchange).
/// </summary>
public sealed class SubscStoreFaults : SandboxFaults
{
    internal event Action? TokensExpired;

    public void ExpireTokens() => TokensExpired?.Invoke();

    protected override void ApplyOwn(JsonElement body)
    {
        if (Bool(body, "expire_tokens") == true) ExpireTokens();
    }
}
