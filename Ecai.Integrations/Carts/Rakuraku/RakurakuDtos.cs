using System.Text.Json.Serialization;

namespace Ecai.Integrations.Carts.Rakuraku;

// [I] MODELLED WIRE SHAPE. 楽楽リピート publishes that an order-search API exists (受注API – 検索), its OAuth
// flow, 1 request per second and 500 rows per search [C], but not its field names or JSON. Everything below
// is our invention, kept behind RakurakuMapper so the real shape can replace it without touching the client.
// Dates are kept as text and parsed by the mapper, so one unreadable value skips one order, not the page.

/// <summary>[I] <c>GET {api}/v1/orders</c>: <c>{"total_count","page","limit","orders":[…]}</c>.</summary>
internal sealed class RakurakuOrderSearchResponse
{
    public long? TotalCount { get; set; }
    public int? Page { get; set; }
    public int? Limit { get; set; }
    public List<RakurakuOrderDto>? Orders { get; set; }
}

/// <summary>[I] One order with its buyer, lines and subscription (定期) information.</summary>
internal sealed class RakurakuOrderDto
{
    public long? OrderId { get; set; }
    public string? OrderNumber { get; set; }
    /// <summary>[I] "yyyy-MM-dd HH:mm:ss" JST, like the admin screens.</summary>
    public string? OrderedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public string? ShippedAt { get; set; }
    public long? Total { get; set; }
    /// <summary>[I] e.g. 新規受付, 発送済み, キャンセル.</summary>
    public string? OrderStatus { get; set; }
    public RakurakuCustomerDto? Customer { get; set; }
    public List<RakurakuItemDto>? Items { get; set; }
    /// <summary>[I] Present for a subscription order; null for a one-off purchase.</summary>
    public RakurakuRegularDto? Regular { get; set; }
}

/// <summary>[I] The buyer as the order carries it (there is no customer API).</summary>
internal sealed class RakurakuCustomerDto
{
    public long? CustomerId { get; set; }
    public string? Name { get; set; }
    public string? Tel { get; set; }
    public string? Mail { get; set; }
    /// <summary>[I] "yyyy-MM-dd"; 楽楽リピート syncs birthdays [C: ECAI help].</summary>
    public string? Birthday { get; set; }
}

internal sealed class RakurakuItemDto
{
    public string? ProductCode { get; set; }
    public string? ProductName { get; set; }
    public string? CourseName { get; set; }
    public int? Quantity { get; set; }
    public long? Price { get; set; }
}

/// <summary>[I] 定期 information; status is ご注文継続 / 休止 / ご解約 [C: ECAI help's status words].</summary>
internal sealed class RakurakuRegularDto
{
    public long? RegularId { get; set; }
    public int? Times { get; set; }
    public string? Status { get; set; }
}

/// <summary>[I] The token endpoint's answer, RFC 6749 §5.1 shaped.</summary>
internal sealed class RakurakuTokenResponse
{
    public string? AccessToken { get; set; }
    public string? TokenType { get; set; }
    public long? ExpiresIn { get; set; }
    public string? RefreshToken { get; set; }
}

/// <summary>[I] An OAuth error, RFC 6749 §5.2 shaped: <c>{"error":"invalid_grant","error_description":"…"}</c>.</summary>
internal sealed class RakurakuErrorResponse
{
    public string? Error { get; set; }
    public string? ErrorDescription { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RakurakuOrderSearchResponse))]
[JsonSerializable(typeof(RakurakuTokenResponse))]
[JsonSerializable(typeof(RakurakuErrorResponse))]
internal sealed partial class RakurakuJsonContext : JsonSerializerContext;
