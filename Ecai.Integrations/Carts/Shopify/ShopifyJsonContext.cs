using System.Text.Json.Serialization;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>
/// Source-generated System.Text.Json metadata for the Shopify DTOs. Names are snake_case like the
/// wire; numbers may also arrive as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomerList))]
[JsonSerializable(typeof(OrderList))]
[JsonSerializable(typeof(CheckoutList))]
[JsonSerializable(typeof(ShopifyOrder))]
[JsonSerializable(typeof(ShopifyCheckout))]
internal sealed partial class ShopifyJsonContext : JsonSerializerContext;
