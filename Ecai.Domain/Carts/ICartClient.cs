namespace Ecai.Domain.Carts;

/// <summary>
/// The seam between the pull use case and one cart's API. Implementations live in
/// Ecai.Integrations/Carts/&lt;Cart&gt;/ and stream pages, never the whole pull.
/// Each page carries the cursor to store once that page is committed.
/// </summary>
public interface ICartClient
{
    /// <summary>
    /// 接続テスト: one cheap authenticated call. Throws <see cref="CartConnectionException"/> with the
    /// operator's Japanese message when the credentials or domain are wrong; imports nothing.
    /// </summary>
    Task CheckAsync(CancellationToken ct);

    IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct);
    IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, CancellationToken ct);
    IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, CancellationToken ct);
}

/// <summary>Builds the client for one connection, with its decrypted secrets.</summary>
public interface ICartClientFactory
{
    bool Supports(CartKind kind);
    ICartClient Create(CartEndpoint endpoint);

    /// <summary>The customer's page in the cart's admin (deep link from member screens), or null.</summary>
    string? CustomerPageUrl(string cartDomain, string customerExternalId);

    /// <summary>
    /// The order's page in the cart's admin, or null (the default). Member screens link each order there, and use the
    /// customer's newest order as the customer's link in a cart without customer pages (楽天RMS).
    /// </summary>
    string? OrderPageUrl(string cartDomain, string orderExternalId) => null;
}

/// <summary>
/// Implemented by the factory of a cart using OAuth 2 authorisation code (<see cref="CartAuthFlow.OAuthCode"/>):
/// where to send the operator, and how to turn the returned code into tokens.
/// </summary>
public interface ICartAuthorizer
{
    Uri AuthorizeUrl(CartEndpoint endpoint, string state, string redirectUri);
    Task<CartToken> ExchangeCodeAsync(CartEndpoint endpoint, string code, string redirectUri, CancellationToken ct);
}

/// <summary>Implemented by a cart client that also lists abandoned checkouts (Shopify).</summary>
public interface ICheckoutSource
{
    IAsyncEnumerable<CartPage<CartCheckoutRecord>> CheckoutsSinceAsync(string? cursor, CancellationToken ct);
}

/// <summary>
/// Where and as whom to call a cart. <see cref="Secrets"/> is decrypted and must never be logged.
/// <see cref="ConnectedAt"/> bounds history for carts that count back from the connection date (Rakuten: 2 years).
/// <see cref="SubscriptionTagsSince"/>: Shopify's subscription app writes its order tags from then on (null: not enabled).
/// </summary>
public sealed record CartEndpoint(
    int ConnectionId, CartKind Kind, string CartDomain, string ApiBaseUrl, CartSecrets Secrets, ICartTokenStore TokenStore,
    DateTimeOffset ConnectedAt, DateTimeOffset? SubscriptionTagsSince = null);

/// <summary>
/// Operator-entered credentials, keyed by <see cref="CartField.Key"/> (see <see cref="CartSpec"/>), plus a
/// token the cart issued (reused between pulls).
/// </summary>
public sealed record CartSecrets(IReadOnlyDictionary<string, string> Fields, CartToken? Token = null)
{
    /// <summary>The field's value, or "" when absent.</summary>
    public string this[string key] => Fields.TryGetValue(key, out var value) ? value : "";

    public override string ToString() => $"CartSecrets([{string.Join(", ", Fields.Keys)}], ***)";
}

/// <summary>A token the cart issued: ecforce's sign-in token, or OAuth access + refresh tokens.</summary>
public sealed record CartToken(string AccessToken, string? RefreshToken = null, DateTimeOffset? ExpiresAt = null)
{
    public override string ToString() => "CartToken(***)";
}

/// <summary>Lets a connector keep a token it obtained (e.g. ecforce sign-in allows 5 per hour; OAuth refresh).</summary>
public interface ICartTokenStore
{
    Task SaveTokenAsync(int connectionId, CartToken token, CancellationToken ct);
}

/// <summary>A cart refused the call in a way the operator must fix (wrong password, wrong domain).</summary>
public sealed class CartConnectionException(string message, string? hint = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string? Hint { get; } = hint;

    /// <summary>The cart no longer accepts ECAI's OAuth tokens: the operator must approve ECAI again.</summary>
    public bool NeedsAuthorization { get; init; }
}

public sealed record CartPage<T>(IReadOnlyList<T> Items, IReadOnlyList<SkippedRecord> Skipped, string? Cursor);

/// <summary>A record the connector could not read; counted and shown, never fatal.</summary>
public sealed record SkippedRecord(string? ExternalId, string Reason);

public sealed record CartCustomerRecord(
    string ExternalId,
    string? Number,
    string? Name,
    string? PhoneRaw,
    string? Email,
    string? LineUserId,
    DateOnly? Birthday,
    DateTimeOffset UpdatedAt);

/// <summary>
/// An order. <see cref="Times"/> is the purchase count within its subscription (定期回数).
/// <see cref="Customer"/>: the buyer, for carts without a customer list (Rakuten); upserted with the order.
/// <see cref="SubscriptionStatus"/>: the subscription's state as this order reports it (Rakuten orderType 4,
/// Shopify's subscription-app tags); the newest order per subscription sets the subscription row.
/// <see cref="DeliveryMethod"/>: the carrier's Japanese name where the cart reports one.
/// <see cref="Cancelled"/>: the order was cancelled (or refunded in full) in the cart (kept, but not a purchase).
/// <see cref="DeliveryDate"/> / <see cref="DeliveryTime"/>: the delivery date (and time slot, as the cart words it) the
/// buyer asked for (お届け日時の指定), where the cart carries one.
/// <see cref="Currency"/>: the ISO 4217 code of <see cref="Amount"/> and the items' prices, which are in that currency's
/// minor units (cents for USD; yen for JPY, which has none); null for carts that report none (yen).
/// </summary>
public sealed record CartOrderRecord(
    string ExternalId,
    string CustomerExternalId,
    string? Number,
    DateTimeOffset OrderedAt,
    long Amount,
    DateTimeOffset? ShippedAt,
    string? SubscriptionExternalId,
    int? Times,
    IReadOnlyList<CartOrderItemRecord> Items,
    DateTimeOffset UpdatedAt,
    CartCustomerRecord? Customer = null,
    ContinuationStatus? SubscriptionStatus = null,
    string? DeliveryMethod = null,
    bool Cancelled = false,
    DateOnly? DeliveryDate = null,
    string? DeliveryTime = null,
    string? Currency = null);

public sealed record CartOrderItemRecord(string ProductCode, string ProductName, string? CourseName, int Quantity, long Price);

public sealed record CartSubscriptionRecord(
    string ExternalId,
    string CustomerExternalId,
    ContinuationStatus Status,
    string? RawStatus,
    string? ProductCode,
    string? CourseName,
    DateTimeOffset? NextShipAt,
    DateTimeOffset UpdatedAt);

/// <summary>An abandoned checkout (カゴ落ち, Shopify): completed once the buyer paid.</summary>
public sealed record CartCheckoutRecord(
    string Token,
    string? CustomerExternalId,
    string? Email,
    string? PhoneRaw,
    string? RecoveryUrl,
    long Amount,
    IReadOnlyList<CartOrderItemRecord> Items,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt);
