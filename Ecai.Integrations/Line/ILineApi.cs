using Refit;

namespace Ecai.Integrations.Line;

/// <summary>
/// The LINE endpoints ECAI calls (Refit, source-generated), relative to <see cref="LineEndpoint.BaseUrl"/>.
/// Both return the raw response: the client decides on the status codes and streams the JSON itself.
/// </summary>
internal interface ILineApi
{
    /// <summary>
    /// LINE Login's ID-token check [C: apis.md §5.7]: form-encoded <c>id_token</c> and <c>client_id</c>
    /// (the LINE Login channel id that owns the LIFF app); 200 with the token's claims.
    /// </summary>
    [Post("/oauth2/v2.1/verify")]
    Task<HttpResponseMessage> VerifyIdTokenAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken ct);

    /// <summary>A friend's profile with the bot's channel access token [C: apis.md §5.1, §5.3]; 404 for a user the bot does not know.</summary>
    [Get("/v2/bot/profile/{userId}")]
    Task<HttpResponseMessage> GetProfileAsync(string userId, [Authorize("Bearer")] string accessToken, CancellationToken ct);
}
