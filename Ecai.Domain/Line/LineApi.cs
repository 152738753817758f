namespace Ecai.Domain.Line;

/// <summary>Who a verified LIFF ID token says the user is (docs/line.md § LIFF and ID tokens): <c>sub</c>, <c>name</c>, <c>picture</c>.</summary>
public sealed record LineIdentity(string UserId, string? Name, string? PictureUrl);

/// <summary>The outcome of asking LINE to verify an ID token: the identity, or why it was refused.</summary>
public sealed record IdTokenCheck(LineIdentity? Identity, IdTokenFailure Failure)
{
    public static IdTokenCheck Valid(LineIdentity identity) => new(identity, IdTokenFailure.None);
    public static IdTokenCheck Refused(IdTokenFailure failure) => new(null, failure);
}

public enum IdTokenFailure
{
    None = 0,
    /// <summary>LINE refused the token: expired, wrong audience, tampered, or not a token at all.</summary>
    Invalid = 1,
    /// <summary>LINE could not be asked (network, 5xx): try again later.</summary>
    Unavailable = 2,
}

/// <summary>A LINE user's profile as the Messaging API gives it to the bot (<c>GET /v2/bot/profile/{userId}</c>).</summary>
public sealed record LineProfile(string UserId, string DisplayName, string? PictureUrl);

/// <summary>
/// LINE Login: verifies an ID token server-side (<c>POST /oauth2/v2.1/verify</c>, <c>client_id</c> = the LINE
/// Login channel id). The browser only ever hands over the token; it never says who it is.
/// </summary>
public interface ILineLogin
{
    Task<IdTokenCheck> VerifyIdTokenAsync(string idToken, string loginChannelId, CancellationToken ct);
}

/// <summary>The Messaging API calls ECAI makes on a bot's behalf with its channel access token.</summary>
public interface ILineMessaging
{
    /// <summary>The user's profile, or null when LINE does not know the user for this bot (404: blocked or never a friend).</summary>
    Task<LineProfile?> GetProfileAsync(string accessToken, string userId, CancellationToken ct);
}

/// <summary>How LINE answered a push or multicast (after the client's own short retries).</summary>
public enum PushOutcome
{
    /// <summary>Accepted (200), or a repeat of an accepted retry key (409): the member has the message.</summary>
    Sent = 1,
    /// <summary>Refused for good (400/403/404…): bad message, unknown user. Do not retry.</summary>
    Refused = 2,
    /// <summary>429 over the per-second rate limit: retry with the same key shortly.</summary>
    RateLimited = 3,
    /// <summary>429 "You have reached your monthly limit.": retry with the same key next month or after a plan change.</summary>
    QuotaExceeded = 4,
    /// <summary>5xx, time-out or network error: LINE may or may not have it; retry with the same key.</summary>
    Unavailable = 5,
}

/// <summary>The outcome and, when not sent, LINE's message (never the token).</summary>
public sealed record PushResult(PushOutcome Outcome, string? Error = null)
{
    public static readonly PushResult Sent = new(PushOutcome.Sent);
}

/// <summary>The month's message quota (<c>limited</c> with a value, or none) and what has been used.</summary>
public sealed record LineQuota(long? Limit, long Used)
{
    public long? Remaining => Limit is { } limit ? Math.Max(0, limit - Used) : null;
}

/// <summary>
/// Sending on a bot's behalf (docs/line.md § Sending, Rate limits, Per-user rich menus). Every push and multicast carries the caller's retry key as
/// <c>X-Line-Retry-Key</c>, the same on every attempt, so LINE drops a repeat of something it already accepted.
/// Implementations pace pushes and multicasts per channel just under LINE's rate limits, for every caller together.
/// </summary>
public interface ILineMessenger
{
    /// <summary><c>POST /v2/bot/message/push</c>: 1–5 message objects to one user.</summary>
    Task<PushResult> PushAsync(string accessToken, string to, System.Text.Json.Nodes.JsonArray messages, Guid retryKey, CancellationToken ct);

    /// <summary><c>POST /v2/bot/message/multicast</c>: 1–5 message objects to up to 500 users.</summary>
    Task<PushResult> MulticastAsync(string accessToken, IReadOnlyList<string> to, System.Text.Json.Nodes.JsonArray messages, Guid retryKey, CancellationToken ct);

    /// <summary>Links a rich menu to one user (<c>POST /v2/bot/user/{userId}/richmenu/{richMenuId}</c>); false when refused.</summary>
    Task<bool> LinkRichMenuAsync(string accessToken, string userId, string richMenuId, CancellationToken ct);

    /// <summary>Unlinks the user's rich menu (<c>DELETE /v2/bot/user/{userId}/richmenu</c>); false when refused.</summary>
    Task<bool> UnlinkRichMenuAsync(string accessToken, string userId, CancellationToken ct);

    /// <summary>The month's quota and consumption (<c>GET /v2/bot/message/quota</c> and <c>…/quota/consumption</c>).</summary>
    Task<LineQuota> QuotaAsync(string accessToken, CancellationToken ct);
}
