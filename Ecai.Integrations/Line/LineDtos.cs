using System.Text.Json.Serialization;

namespace Ecai.Integrations.Line;

/// <summary>
/// The body of a 200 from <c>POST /oauth2/v2.1/verify</c> [C: docs/line.md § LIFF and ID tokens]: the ID token's claims.
/// <c>exp</c> and <c>iat</c> are Unix seconds; <c>aud</c> is the LINE Login channel id.
/// </summary>
internal sealed record LineVerifiedIdToken(string? Iss, string? Sub, string? Aud, long Exp, long Iat, string? Name, string? Picture);

/// <summary>The body of a 200 from <c>GET /v2/bot/profile/{userId}</c> [C: L3 generated models].</summary>
internal sealed record LineProfileBody(string? UserId, string? DisplayName, string? PictureUrl, string? StatusMessage);

/// <summary>The body of a 200 from <c>GET /v2/bot/message/quota</c> [C: docs/line.md § Sending]: <c>value</c> only when <c>limited</c>.</summary>
internal sealed record LineQuotaBody(string? Type, long? Value);

/// <summary>The body of a 200 from <c>GET /v2/bot/message/quota/consumption</c> [C: docs/line.md § Sending].</summary>
internal sealed record LineConsumptionBody(long TotalUsage);

/// <summary>LINE's error body <c>{"message":"…","details":[{"message":"…","property":"…"}]}</c> [C: docs/line.md § Common].</summary>
internal sealed record LineErrorBody(string? Message, LineErrorDetail[]? Details);

internal sealed record LineErrorDetail(string? Message, string? Property);

/// <summary>Source-generated metadata: LINE's names are camelCase (the ID-token claims are single lower-case words).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LineVerifiedIdToken))]
[JsonSerializable(typeof(LineProfileBody))]
[JsonSerializable(typeof(LineQuotaBody))]
[JsonSerializable(typeof(LineConsumptionBody))]
[JsonSerializable(typeof(LineErrorBody))]
internal sealed partial class LineJsonContext : JsonSerializerContext;
