using Refit;

namespace Ecai.Integrations.Line;

/// <summary>
/// The LINE endpoints ECAI calls (Refit, source-generated), relative to <see cref="LineEndpoint.BaseUrl"/>.
/// Both return the raw response: the client decides on the status codes and streams the JSON itself.
/// </summary>
internal interface ILineApi
{
    /// <summary>
    /// LINE Login's ID-token check [C: docs/line.md § LIFF and ID tokens]: form-encoded <c>id_token</c> and <c>client_id</c>
    /// (the LINE Login channel id that owns the LIFF app); 200 with the token's claims.
    /// </summary>
    [Post("/oauth2/v2.1/verify")]
    Task<HttpResponseMessage> VerifyIdTokenAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken ct);

    /// <summary>A friend's profile with the bot's channel access token [C: docs/line.md § Common, Rate limits]; 404 for a user the bot does not know.</summary>
    [Get("/v2/bot/profile/{userId}")]
    Task<HttpResponseMessage> GetProfileAsync(string userId, [Authorize("Bearer")] string accessToken, CancellationToken ct);

    /// <summary>
    /// Push [C: docs/line.md § Sending]: the JSON body is built by the client (<c>to</c>, <c>messages</c>, <c>notificationDisabled</c>);
    /// the retry key is the same on every attempt.
    /// </summary>
    [Post("/v2/bot/message/push")]
    Task<HttpResponseMessage> PushAsync([Body] HttpContent body, [Header("X-Line-Retry-Key")] string retryKey,
        [Authorize("Bearer")] string accessToken, CancellationToken ct);

    /// <summary>Multicast to up to 500 users [C: docs/line.md § Sending], body and retry key as for push.</summary>
    [Post("/v2/bot/message/multicast")]
    Task<HttpResponseMessage> MulticastAsync([Body] HttpContent body, [Header("X-Line-Retry-Key")] string retryKey,
        [Authorize("Bearer")] string accessToken, CancellationToken ct);

    /// <summary>Links a rich menu to one user [C: docs/line.md § Per-user rich menus]; empty body.</summary>
    [Post("/v2/bot/user/{userId}/richmenu/{richMenuId}")]
    Task<HttpResponseMessage> LinkRichMenuAsync(string userId, string richMenuId, [Authorize("Bearer")] string accessToken, CancellationToken ct);

    /// <summary>Unlinks the user's rich menu [C: docs/line.md § Per-user rich menus].</summary>
    [Delete("/v2/bot/user/{userId}/richmenu")]
    Task<HttpResponseMessage> UnlinkRichMenuAsync(string userId, [Authorize("Bearer")] string accessToken, CancellationToken ct);

    /// <summary>The month's quota <c>{"type":"none|limited","value":N}</c> [C: docs/line.md § Sending].</summary>
    [Get("/v2/bot/message/quota")]
    Task<HttpResponseMessage> QuotaAsync([Authorize("Bearer")] string accessToken, CancellationToken ct);

    /// <summary>The month's consumption <c>{"totalUsage":N}</c> [C: docs/line.md § Sending].</summary>
    [Get("/v2/bot/message/quota/consumption")]
    Task<HttpResponseMessage> QuotaConsumptionAsync([Authorize("Bearer")] string accessToken, CancellationToken ct);
}
