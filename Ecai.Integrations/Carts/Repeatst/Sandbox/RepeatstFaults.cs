using System.Text.Json;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Integrations.Carts.Repeatst.Sandbox;

/// <summary>The shared fault switches plus リピスト's own: the caller's IP is not on the allow-list.</summary>
public sealed class RepeatstFaults : SandboxFaults
{
    /// <summary>
    /// Every API call is refused with 403, as when ECAI's IP is not allowed under 基本情報管理 > SHOPマスタ >
    /// 外部連携 > データアシスタントAPI ([C] that the list exists; the 403 is [I]). <c>"ip_not_allowed": true</c>.
    /// </summary>
    public bool IpNotAllowed { get; set; }

    protected override void ApplyOwn(JsonElement body)
    {
        if (Bool(body, "ip_not_allowed") is { } blocked) IpNotAllowed = blocked;
    }

    protected override void WriteOwn(Utf8JsonWriter w) => w.WriteBoolean("ip_not_allowed", IpNotAllowed);
}
