namespace Ecai.Integrations.Carts.SubscStore;

// The modelled [I] wire shape of the サブスクストア API: camelCase names, string ids, ISO-8601
// timestamps with offset ("2026-01-31T18:15:00+09:00"), dates "YYYY-MM-DD", integer yen, and an
// envelope {"items":[…],"pagination":{"currentPage","perPage","totalPages","totalCount"}}. Nothing
// here is from a public source (there is none, docs/carts/subscstore.md). Timestamps are read as text and parsed
// by the mapper, so one unreadable value skips one row, not the page.

internal sealed class SubscStoreList<TItem>
{
    public List<TItem>? Items { get; set; }
    public SubscStorePagination? Pagination { get; set; }
}

internal sealed class SubscStorePagination
{
    public int? CurrentPage { get; set; }
    public int? PerPage { get; set; }
    public int? TotalPages { get; set; }
    public long? TotalCount { get; set; }
}

/// <summary>会員 [I].</summary>
internal sealed class SubscStoreCustomer
{
    public string? CustomerId { get; set; }     // カート顧客ID
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public string? Tel { get; set; }
    public string? Email { get; set; }
    public string? BirthDate { get; set; }      // "YYYY-MM-DD" or null
    public string? UpdatedAt { get; set; }
}

/// <summary>受注 [I]. No 発送日 follow for this cart (docs/carts/subscstore.md, "What ECAI models"); <c>shippedAt</c> is read when present.</summary>
internal sealed class SubscStoreOrder
{
    public string? OrderId { get; set; }
    public string? OrderNo { get; set; }
    public string? CustomerId { get; set; }
    public string? OrderedAt { get; set; }                  // 購入日時
    public long? TotalPrice { get; set; }                   // 購入金額
    public int? PurchaseCount { get; set; }                 // 購入回数 (nth delivery of the subscription)
    public string? SubscriptionId { get; set; }
    public string? SubscriptionProductCode { get; set; }    // 定期商品コード
    public string? SubscriptionProductName { get; set; }
    public bool? Canceled { get; set; }
    public string? ShippedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public List<SubscStoreLineItem>? LineItems { get; set; }
}

internal sealed class SubscStoreLineItem
{
    public string? ProductCode { get; set; }                // 商品コード
    public string? ProductName { get; set; }
    public int? Quantity { get; set; }
    public long? UnitPrice { get; set; }
}

/// <summary>定期 [I]. <c>status</c> is one of 継続 / 停止 / 終了 (docs/carts/subscstore.md, "What ECAI models").</summary>
internal sealed class SubscStoreSubscription
{
    public string? SubscriptionId { get; set; }
    public string? CustomerId { get; set; }
    public string? Status { get; set; }
    public string? SubscriptionProductCode { get; set; }    // 定期商品コード
    public string? SubscriptionProductName { get; set; }
    public string? ProductCode { get; set; }                // 商品コード of what is delivered
    public string? NextDeliveryDate { get; set; }           // "YYYY-MM-DD"
    public int? PurchaseCount { get; set; }
    public string? UpdatedAt { get; set; }
}

/// <summary>The token response, RFC 6749 names [I: that Temona uses OAuth at all].</summary>
internal sealed class SubscStoreToken
{
    [System.Text.Json.Serialization.JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; set; }
}
