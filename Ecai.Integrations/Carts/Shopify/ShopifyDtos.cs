namespace Ecai.Integrations.Carts.Shopify;

// Wire shapes of the REST Admin API (snake_case, see ShopifyJsonContext). Only the fields ECAI reads.
// Timestamps stay text (ISO 8601 with offset [C]) so one odd value skips a row, not a page.

internal sealed record CustomerList(List<ShopifyCustomer>? Customers);

internal sealed record OrderList(List<ShopifyOrder>? Orders);

internal sealed record CheckoutList(List<ShopifyCheckout>? Checkouts);

internal sealed record ShopifyCustomer(
    long? Id, string? Email, string? Phone, string? FirstName, string? LastName, string? CreatedAt, string? UpdatedAt,
    ShopifyAddress? DefaultAddress);

internal sealed record ShopifyAddress(string? Phone);

/// <summary>An order; a webhook body for orders/* is this object itself [C].</summary>
internal sealed record ShopifyOrder(
    long? Id, string? Name, string? Email, string? CreatedAt, string? UpdatedAt, string? CancelledAt,
    string? FinancialStatus, string? TotalPrice, string? Tags, ShopifyCustomer? Customer,
    List<ShopifyLineItem>? LineItems, List<ShopifyFulfillment>? Fulfillments);

internal sealed record ShopifyLineItem(long? ProductId, string? Sku, string? Title, string? VariantTitle, int? Quantity, string? Price);

internal sealed record ShopifyFulfillment(string? CreatedAt, string? TrackingCompany, string? TrackingNumber);

internal sealed record ShopifyCheckout(
    long? Id, string? Token, string? Email, string? Phone, ShopifyCustomer? Customer, string? AbandonedCheckoutUrl,
    List<ShopifyLineItem>? LineItems, string? TotalPrice, string? CreatedAt, string? UpdatedAt, string? CompletedAt);
