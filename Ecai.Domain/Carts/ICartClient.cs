namespace Ecai.Domain.Carts;

/// <summary>
/// The seam between the pull use case and one cart's API. Implementations live in
/// Ecai.Integrations/Carts/&lt;Cart&gt;/ and stream pages, never the whole pull.
/// Each page carries the cursor to store once that page is committed.
/// </summary>
public interface ICartClient
{
    IAsyncEnumerable<CartPage<CartCustomerRecord>> CustomersSinceAsync(string? cursor, CancellationToken ct);
    IAsyncEnumerable<CartPage<CartOrderRecord>> OrdersSinceAsync(string? cursor, CancellationToken ct);
    IAsyncEnumerable<CartPage<CartSubscriptionRecord>> SubscriptionsSinceAsync(string? cursor, CancellationToken ct);
}

/// <summary>Builds the client for one connection, with its decrypted secrets.</summary>
public interface ICartClientFactory
{
    bool Supports(CartKind kind);
    ICartClient Create(CartEndpoint endpoint);
}

/// <summary>Where and as whom to call a cart. <see cref="Secrets"/> is decrypted and must never be logged.</summary>
public sealed record CartEndpoint(int ConnectionId, CartKind Kind, string ApiBaseUrl, CartSecrets Secrets, ICartTokenStore TokenStore);

/// <summary>Operator-entered credentials plus a token the cart issued (reused between pulls).</summary>
public sealed record CartSecrets(string LoginEmail, string Password, string? Token = null)
{
    public override string ToString() => $"CartSecrets({LoginEmail}, ***)";
}

/// <summary>Lets a connector keep a token it obtained (e.g. ecforce sign-in allows 5 per hour).</summary>
public interface ICartTokenStore
{
    Task SaveTokenAsync(int connectionId, string token, CancellationToken ct);
}

/// <summary>A cart refused the call in a way the operator must fix (wrong password, wrong domain).</summary>
public sealed class CartConnectionException(string message, string? hint = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string? Hint { get; } = hint;
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
    DateTimeOffset UpdatedAt);

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
