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

/// <summary>
/// An order; a webhook body for orders/* is this object itself [C]. <c>currency</c> is the shop currency that
/// <c>total_price</c>, line prices and refund transactions are given in [C]; <c>note_attributes</c> are the cart
/// attributes (name/value) the storefront or a delivery-date app added [C].
/// </summary>
internal sealed record ShopifyOrder(
    long? Id, string? Name, string? Email, string? CreatedAt, string? UpdatedAt, string? CancelledAt,
    string? FinancialStatus, string? TotalPrice, string? Tags, ShopifyCustomer? Customer,
    List<ShopifyLineItem>? LineItems, List<ShopifyFulfillment>? Fulfillments,
    string? Currency = null, List<ShopifyNoteAttribute>? NoteAttributes = null, List<ShopifyRefund>? Refunds = null);

internal sealed record ShopifyLineItem(long? ProductId, string? Sku, string? Title, string? VariantTitle, int? Quantity, string? Price);

/// <summary>A fulfilment; <c>status</c> is success, cancelled, error or failure (open and pending are deprecated) [C].</summary>
internal sealed record ShopifyFulfillment(string? CreatedAt, string? TrackingCompany, string? TrackingNumber, string? Status = null);

/// <summary>A cart attribute; the value is text on the wire, read as any JSON so an odd value never fails the page.</summary>
internal sealed record ShopifyNoteAttribute(string? Name, System.Text.Json.JsonElement? Value);

/// <summary>A refund and the money movements that carried it out [C].</summary>
internal sealed record ShopifyRefund(string? CreatedAt, List<ShopifyTransaction>? Transactions);

/// <summary>kind: authorization, capture, sale, void, refund; status: pending, failure, success, error [C].</summary>
internal sealed record ShopifyTransaction(string? Kind, string? Status, string? Amount, string? Currency);

internal sealed record ShopifyCheckout(
    long? Id, string? Token, string? Email, string? Phone, ShopifyCustomer? Customer, string? AbandonedCheckoutUrl,
    List<ShopifyLineItem>? LineItems, string? TotalPrice, string? CreatedAt, string? UpdatedAt, string? CompletedAt, string? Currency = null);
