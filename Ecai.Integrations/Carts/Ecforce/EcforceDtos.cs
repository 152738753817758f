using System.Text.Json.Serialization;

namespace Ecai.Integrations.Carts.Ecforce;

// DTOs that match the ecforce admin API v2 wire shape (JSON:API-like, snake_case names).
// Only the fields ECAI reads are declared; everything else is ignored when reading.
// Tags as in docs/carts/ecforce.md: [C3] seen in third-party clients/notes, [I] our inference.
// Timestamps are EcforceTimestamp: parsed while reading, and an unreadable value is kept as text so
// the mapper can skip that one record with a reason instead of failing the page.

/// <summary>A list response: <c>data[]</c>, <c>included[]</c>, <c>meta</c>, <c>links</c> [C].</summary>
internal class EcforceListDocument<TResource, TIncluded>
{
    public List<TResource>? Data { get; set; }
    public List<TIncluded>? Included { get; set; }
    public EcforceMeta? Meta { get; set; }
    public EcforceLinks? Links { get; set; }
}

internal sealed class CustomerListDocument : EcforceListDocument<CustomerResource, EcforceResource<AddressAttributes>>;

internal sealed class OrderListDocument : EcforceListDocument<OrderResource, EcforceResource<OrderItemAttributes>>;

internal sealed class SubOrderListDocument : EcforceListDocument<SubOrderResource, EcforceResource<SubOrderIncludedAttributes>>;

/// <summary><c>meta</c>: total_pages may be 0 or missing in practice [C3], so paging never relies on it.</summary>
internal sealed class EcforceMeta
{
    public long? TotalCount { get; set; }
    public int? Page { get; set; }
    public int? Per { get; set; }
    public int? Count { get; set; }
    public int? TotalPages { get; set; }
}

/// <summary><c>links</c>: absolute URLs [C].</summary>
internal sealed class EcforceLinks
{
    public string? Self { get; set; }
    public string? Prev { get; set; }
    public string? First { get; set; }
    public string? Next { get; set; }
    public string? Last { get; set; }
}

/// <summary>A resource object; the top-level <c>id</c> is a string [C].</summary>
internal class EcforceResource<TAttributes>
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public TAttributes? Attributes { get; set; }
}

/// <summary>
/// One relationship: <c>data</c> is an identifier <c>{"id","type"}</c>, an array of them, or null [C].
/// Only the ids are kept; the relationship's name already says what they point to.
/// </summary>
internal sealed class EcforceRelationship
{
    [JsonPropertyName("data")]
    [JsonConverter(typeof(ResourceLinkageConverter))]
    public List<string>? Ids { get; set; }

    public string? FirstId => Ids is [var first, ..] ? first : null;
}

// ---- customer (type "customer") ------------------------------------------------------------

internal sealed class CustomerResource : EcforceResource<CustomerAttributes>
{
    public CustomerRelationships? Relationships { get; set; }
}

internal sealed class CustomerRelationships
{
    /// <summary>The only place a customer's phone lives [C3].</summary>
    public EcforceRelationship? BillingAddress { get; set; }
}

internal sealed class CustomerAttributes
{
    public string? Number { get; set; }        // [C3] e.g. "02ae6cdbef"
    public string? Email { get; set; }         // [C3]
    public string? Birth { get; set; }         // [C3] field; format "YYYY/MM/DD" [I]
    public string? LineId { get; set; }        // [C3] LINE userId from ecforce's LINE ID 連携 app
    public EcforceTimestamp CreatedAt { get; set; }     // [C3]
    public EcforceTimestamp UpdatedAt { get; set; }     // [C3]
}

/// <summary>type "address" (billing or shipping) [C3].</summary>
internal sealed class AddressAttributes
{
    public string? Name01 { get; set; }        // family name
    public string? Name02 { get; set; }        // given name
    public string? FullName { get; set; }
    public string? Tel01 { get; set; }         // phone split in three
    public string? Tel02 { get; set; }
    public string? Tel03 { get; set; }
    public string? FullTel { get; set; }
}

// ---- order (type "order") -----------------------------------------------------------------

internal sealed class OrderResource : EcforceResource<OrderAttributes>
{
    public OrderRelationships? Relationships { get; set; }
}

internal sealed class OrderRelationships
{
    public EcforceRelationship? Customer { get; set; }      // fallback for a missing customer_id [C3]
    public EcforceRelationship? OrderItems { get; set; }    // [I] name of the relationship behind include=order_items
}

internal sealed class OrderAttributes
{
    public long? CustomerId { get; set; }      // [C3] may be missing
    public string? Number { get; set; }        // [C3] 10 hex chars
    public long? Total { get; set; }           // [C3] integer yen
    public long? SubsOrderId { get; set; }     // [C3]
    public int? Times { get; set; }            // [C3] nth delivery of the subscription
    public string? State { get; set; }         // [C3] e.g. complete; "canceled" for a cancelled order [I]
    public string? HumanState { get; set; }    // [C3] the state's Japanese label, e.g. 注文確定, キャンセル [I]
    public string? PaymentState { get; set; }  // [C3] e.g. completed, authed, voided (取消)
    public string? PaymentHumanState { get; set; } // [C3] the payment state's label, e.g. 取消済み [I]
    public EcforceTimestamp CompletedAt { get; set; }   // [C3] 注文確定
    public EcforceTimestamp CreatedAt { get; set; }     // [C3]
    public EcforceTimestamp ShippedAt { get; set; }     // [C3] 発送日
    public EcforceTimestamp UpdatedAt { get; set; }     // [C3]
}

/// <summary>type "order_item", for orders and subscription orders alike [C3].</summary>
internal class OrderItemAttributes
{
    public string? ProductNumber { get; set; } // [C3] 商品コード
    public string? VariantSku { get; set; }    // [C3] used when product_number is blank
    public string? ProductName { get; set; }   // [C3]
    public string? CourseName { get; set; }    // [I] 定期コース名; not seen in public sources
    public long? Price { get; set; }           // [C3]
    public int? Quantity { get; set; }         // [C3]
}

// ---- subscription order (type "sub_order") ------------------------------------------------

internal sealed class SubOrderResource : EcforceResource<SubOrderAttributes>
{
    public SubOrderRelationships? Relationships { get; set; }
}

internal sealed class SubOrderRelationships
{
    public EcforceRelationship? Customer { get; set; }      // [I] with include=customer; ecforce-go's fixture shows no customer_id attribute on sub orders
    public EcforceRelationship? OrderItems { get; set; }    // [C3] include=order_items is documented for subs_orders
}

/// <summary>
/// What a subscription list includes: its order_item lines, and its customer (include=customer [C3]), whose
/// <c>number</c> is what the row's customer_number names.
/// </summary>
internal sealed class SubOrderIncludedAttributes : OrderItemAttributes
{
    public string? Number { get; set; }        // [C3] customer number, e.g. "02ae6cdbef"
}

internal sealed class SubOrderAttributes
{
    public long? CustomerId { get; set; }                  // [I] read if present, else the relationship or customer_number
    public string? CustomerNumber { get; set; }            // [C3] what ecforce's sub_order rows carry, e.g. "02ae6cdbef"
    public string? State { get; set; }                     // [C3] active | suspend | canceled
    public EcforceTimestamp ScheduledToBeShippedAt { get; set; }    // [C3] 次回発送予定日
    public EcforceTimestamp UpdatedAt { get; set; }                 // [C3]
}

// ---- sign-in --------------------------------------------------------------------------------

/// <summary><c>{"admin":{"email","password"}}</c> [C3].</summary>
internal sealed record EcforceSignInRequest(EcforceSignInAdmin Admin);

internal sealed record EcforceSignInAdmin(string Email, string Password);

/// <summary><c>{"id","email","authentication_token"}</c> [C3].</summary>
internal sealed class EcforceSignInResponse
{
    public long? Id { get; set; }
    public string? Email { get; set; }
    public string? AuthenticationToken { get; set; }
}
