using System.Text.Json.Serialization;

namespace Ecai.Integrations.Carts.Rakuten;

// Wire DTOs of 楽天ペイ受注API 2.0 (docs/carts/rakuten.md § Orders). Field names are camelCase on the wire except the
// *Model / *ModelList containers, which are PascalCase [C]. Only the fields ECAI reads are declared.

internal sealed record SearchOrderRequest(
    [property: JsonPropertyName("dateType")] int DateType,
    [property: JsonPropertyName("startDatetime")] string StartDatetime,
    [property: JsonPropertyName("endDatetime")] string EndDatetime,
    [property: JsonPropertyName("PaginationRequestModel")] PaginationRequestModel Pagination);

internal sealed record PaginationRequestModel(
    [property: JsonPropertyName("requestRecordsAmount")] int RequestRecordsAmount,
    [property: JsonPropertyName("requestPage")] int RequestPage,
    [property: JsonPropertyName("SortModelList")] List<SortModel>? SortModelList);

/// <summary>sortColumn 1 = 注文日時; sortDirection 1 = ascending, 2 = descending [C].</summary>
internal sealed record SortModel(
    [property: JsonPropertyName("sortColumn")] int SortColumn,
    [property: JsonPropertyName("sortDirection")] int SortDirection);

/// <summary>
/// <c>version</c> 7 adds SKU fields [C]. Sent as a number; third-party clients send it as a string [I — the official
/// reference is login-gated].
/// </summary>
internal sealed record GetOrderRequest(
    [property: JsonPropertyName("orderNumberList")] List<string> OrderNumberList,
    [property: JsonPropertyName("version")] int Version);

internal sealed class MessageModel
{
    [JsonPropertyName("messageType")] public string? MessageType { get; set; }
    [JsonPropertyName("messageCode")] public string? MessageCode { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    /// <summary>getOrder only: the order the message is about.</summary>
    [JsonPropertyName("orderNumber")] public string? OrderNumber { get; set; }
}

internal sealed class SearchOrderResponse
{
    [JsonPropertyName("MessageModelList")] public List<MessageModel>? MessageModelList { get; set; }
    [JsonPropertyName("orderNumberList")] public List<string>? OrderNumberList { get; set; }
    [JsonPropertyName("PaginationResponseModel")] public PaginationResponseModel? Pagination { get; set; }
}

internal sealed class PaginationResponseModel
{
    [JsonPropertyName("totalRecordsAmount")] public int? TotalRecordsAmount { get; set; }
    [JsonPropertyName("totalPages")] public int? TotalPages { get; set; }
    [JsonPropertyName("requestPage")] public int? RequestPage { get; set; }
}

internal sealed class GetOrderResponse
{
    [JsonPropertyName("MessageModelList")] public List<MessageModel>? MessageModelList { get; set; }
    [JsonPropertyName("OrderModelList")] public List<OrderModel>? OrderModelList { get; set; }
}

/// <summary>Money fields are ints; -9999 means "not fixed yet" [C].</summary>
internal sealed class OrderModel
{
    [JsonPropertyName("orderNumber")] public string? OrderNumber { get; set; }
    [JsonPropertyName("orderProgress")] public int? OrderProgress { get; set; }
    [JsonPropertyName("orderDatetime")] public string? OrderDatetime { get; set; }
    [JsonPropertyName("shopOrderCfmDatetime")] public string? ShopOrderCfmDatetime { get; set; }
    [JsonPropertyName("orderFixDatetime")] public string? OrderFixDatetime { get; set; }
    [JsonPropertyName("shippingInstDatetime")] public string? ShippingInstDatetime { get; set; }
    [JsonPropertyName("shippingCmplRptDatetime")] public string? ShippingCmplRptDatetime { get; set; }
    /// <summary>お届け日指定: the date the buyer asked for, "yyyy-MM-dd" [C].</summary>
    [JsonPropertyName("deliveryDate")] public string? DeliveryDate { get; set; }
    /// <summary>お届け時間帯: 0 none, 1 午前, 2 午後, 9 other, or hhhh (e.g. 1214 = 12–14時) [C]; read as text.</summary>
    [JsonPropertyName("shippingTerm")] [JsonConverter(typeof(LenientStringConverter))] public string? ShippingTerm { get; set; }
    [JsonPropertyName("orderType")] public int? OrderType { get; set; }
    [JsonPropertyName("reserveNumber")] public string? ReserveNumber { get; set; }
    [JsonPropertyName("reserveDeliveryCount")] public int? ReserveDeliveryCount { get; set; }
    [JsonPropertyName("goodsPrice")] public long? GoodsPrice { get; set; }
    [JsonPropertyName("postagePrice")] public long? PostagePrice { get; set; }
    [JsonPropertyName("totalPrice")] public long? TotalPrice { get; set; }
    [JsonPropertyName("OrdererModel")] public OrdererModel? Orderer { get; set; }
    [JsonPropertyName("PackageModelList")] public List<PackageModel>? PackageModelList { get; set; }
}

internal sealed class OrdererModel
{
    [JsonPropertyName("familyName")] public string? FamilyName { get; set; }
    [JsonPropertyName("firstName")] public string? FirstName { get; set; }
    [JsonPropertyName("phoneNumber1")] public string? PhoneNumber1 { get; set; }
    [JsonPropertyName("phoneNumber2")] public string? PhoneNumber2 { get; set; }
    [JsonPropertyName("phoneNumber3")] public string? PhoneNumber3 { get; set; }
    /// <summary>A masked relay address, not the buyer's own mail [C].</summary>
    [JsonPropertyName("emailAddress")] public string? EmailAddress { get; set; }
}

internal sealed class PackageModel
{
    [JsonPropertyName("basketId")] public long? BasketId { get; set; }
    [JsonPropertyName("ItemModelList")] public List<ItemModel>? ItemModelList { get; set; }
    [JsonPropertyName("ShippingModelList")] public List<ShippingModel>? ShippingModelList { get; set; }
}

internal sealed class ItemModel
{
    [JsonPropertyName("itemName")] public string? ItemName { get; set; }
    [JsonPropertyName("itemNumber")] public string? ItemNumber { get; set; }
    /// <summary>商品管理番号 [C].</summary>
    [JsonPropertyName("manageNumber")] public string? ManageNumber { get; set; }
    [JsonPropertyName("price")] public long? Price { get; set; }
    [JsonPropertyName("units")] public int? Units { get; set; }
}

internal sealed class ShippingModel
{
    [JsonPropertyName("shippingNumber")] public string? ShippingNumber { get; set; }
    /// <summary>Carrier code: 1001 ヤマト, 1002 佐川, 1003 日本郵便… [C]; a string or a number on the wire [I].</summary>
    [JsonPropertyName("deliveryCompany")] [JsonConverter(typeof(LenientStringConverter))] public string? DeliveryCompany { get; set; }
    /// <summary>発送日, "yyyy-MM-dd" [C].</summary>
    [JsonPropertyName("shippingDate")] public string? ShippingDate { get; set; }
}
