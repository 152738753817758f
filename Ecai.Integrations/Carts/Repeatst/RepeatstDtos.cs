namespace Ecai.Integrations.Carts.Repeatst;

// The modelled [I] wire shape of リピスト's データアシスタントAPI: snake_case names, numeric ids,
// JST wall-clock timestamps "YYYY-MM-DD HH:MM:SS", dates "YYYY-MM-DD", integer yen, and an envelope
// {"status":"ok","total_count","page","limit","has_next", "<resource>":[…]}. Nothing here is from a
// public source (there is none, docs/carts/repeatst.md). Timestamps are read as text and parsed by the mapper,
// so one unreadable value skips one row, not the page.

/// <summary>The list envelope shared by the three resources [I].</summary>
internal abstract class RepeatstList
{
    public string? Status { get; set; }
    public long? TotalCount { get; set; }
    public int? Page { get; set; }
    public int? Limit { get; set; }
    public bool? HasNext { get; set; }
}

internal sealed class RepeatstCustomerList : RepeatstList
{
    public List<RepeatstCustomer>? Customers { get; set; }
}

internal sealed class RepeatstOrderList : RepeatstList
{
    public List<RepeatstOrder>? Orders { get; set; }
}

internal sealed class RepeatstTeikiList : RepeatstList
{
    public List<RepeatstTeiki>? TeikiOrders { get; set; }
}

/// <summary>顧客 [I].</summary>
internal sealed class RepeatstCustomer
{
    public long? CustomerId { get; set; }
    public string? CustomerCode { get; set; }   // 顧客番号
    public string? Name1 { get; set; }          // 姓
    public string? Name2 { get; set; }          // 名
    public string? Tel { get; set; }            // as the customer typed it
    public string? Mail { get; set; }
    public string? Birthday { get; set; }       // "YYYY-MM-DD", "0000-00-00" or null
    public string? UpdatedAt { get; set; }
}

/// <summary>受注 [I]. <c>shipping_date</c> is the 発送日 that ship-date follow messages start from.</summary>
internal sealed class RepeatstOrder
{
    public long? OrderId { get; set; }
    public string? OrderCode { get; set; }          // 受注番号
    public long? CustomerId { get; set; }
    public string? PurchaseDatetime { get; set; }   // 購入日時
    public long? TotalAmount { get; set; }          // 購入金額 (税込)
    public string? ShippingDate { get; set; }       // 発送日 "YYYY-MM-DD" or null before shipping
    public long? TeikiId { get; set; }              // 定期ID, null for a one-off order
    public int? TeikiCount { get; set; }            // 定期回数
    public int? CancelFlag { get; set; }            // 1 = キャンセル
    public string? UpdatedAt { get; set; }
    public List<RepeatstOrderDetail>? Details { get; set; }
}

/// <summary>受注明細 [I].</summary>
internal sealed class RepeatstOrderDetail
{
    public string? ProductCode { get; set; }
    public string? ProductName { get; set; }
    public string? CourseName { get; set; }     // 定期コース名, null for a one-off product
    public int? Quantity { get; set; }
    public long? Price { get; set; }            // unit price
}

/// <summary>定期受注 [I]. <c>status</c> is one of 継続 / 一時停止 / 解約済 (docs/carts/repeatst.md, "What ECAI models").</summary>
internal sealed class RepeatstTeiki
{
    public long? TeikiId { get; set; }
    public long? CustomerId { get; set; }
    public string? Status { get; set; }
    public string? ProductCode { get; set; }
    public string? CourseName { get; set; }
    public string? NextShippingDate { get; set; }   // 次回発送予定日 "YYYY-MM-DD"
    public int? TeikiCount { get; set; }            // deliveries so far
    public string? UpdatedAt { get; set; }
}

/// <summary>The error envelope [I]: <c>{"status":"error","error":{"code","message"}}</c>.</summary>
internal sealed class RepeatstErrorBody
{
    public string? Status { get; set; }
    public RepeatstError? Error { get; set; }
}

internal sealed class RepeatstError
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}
