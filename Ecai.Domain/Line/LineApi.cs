namespace Ecai.Domain.Line;

/// <summary>Who a verified LIFF ID token says the user is (apis.md §5.7): <c>sub</c>, <c>name</c>, <c>picture</c>.</summary>
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
