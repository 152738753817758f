using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>
/// The token endpoint [I]: <c>POST {api}/oauth/token.php</c>, form-encoded, client credentials in the body,
/// RFC 6749 shaped answers. A POST is never retried by the pipeline: a code is single-use and a refresh token
/// may rotate, so a blind retry could burn the grant.
/// </summary>
internal static class RakurakuTokens
{
    public static Task<CartToken> ExchangeCodeAsync(IRakurakuApi api, CartEndpoint endpoint, string code, string redirectUri, TimeProvider clock, CancellationToken ct) =>
        RequestAsync(api, endpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = endpoint.Secrets[CartSpec.ClientId].Trim(),
            ["client_secret"] = endpoint.Secrets[CartSpec.ClientSecret],
        }, previousRefresh: null, RakurakuErrors.CodeRejected, clock, ct);

    public static Task<CartToken> RefreshAsync(IRakurakuApi api, CartEndpoint endpoint, string refreshToken, TimeProvider clock, CancellationToken ct) =>
        RequestAsync(api, endpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = endpoint.Secrets[CartSpec.ClientId].Trim(),
            ["client_secret"] = endpoint.Secrets[CartSpec.ClientSecret],
        }, refreshToken, RakurakuErrors.AuthorizationLost, clock, ct);

    private static async Task<CartToken> RequestAsync(IRakurakuApi api, CartEndpoint endpoint, Dictionary<string, string> form,
        string? previousRefresh, Func<CartConnectionException> grantRejected, TimeProvider clock, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await api.TokenAsync(form, ct);
        }
        catch (HttpRequestException ex) when (RakurakuErrors.IsUnknownHost(ex))
        {
            throw RakurakuErrors.HostUnknown(new Uri(endpoint.ApiBaseUrl), ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, ct);
                throw (response.StatusCode, error) switch
                {
                    (_, "invalid_client") or (HttpStatusCode.Unauthorized, _) => RakurakuErrors.ClientRejected(),
                    (_, "invalid_grant") => grantRejected(),
                    (HttpStatusCode.Forbidden, _) => RakurakuErrors.Forbidden(),
                    (HttpStatusCode.NotFound, _) => RakurakuErrors.ApiNotFound(response.RequestMessage?.RequestUri),
                    _ => RakurakuErrors.Unexpected("token", response.StatusCode),
                };
            }
            RakurakuTokenResponse? answer;
            try
            {
                answer = await response.Content.ReadFromJsonAsync(RakurakuJsonContext.Default.RakurakuTokenResponse, ct);
            }
            catch (JsonException ex)
            {
                throw new HttpRequestException("楽楽リピート token: the response was not readable JSON.", ex, response.StatusCode);
            }
            if (string.IsNullOrWhiteSpace(answer?.AccessToken)) throw grantRejected();
            DateTimeOffset? expiresAt = answer.ExpiresIn is { } seconds and > 0 ? clock.GetUtcNow().AddSeconds(seconds) : null;
            // [I] A refresh answer without a new refresh token keeps the old one usable.
            return new CartToken(answer.AccessToken, string.IsNullOrWhiteSpace(answer.RefreshToken) ? previousRefresh : answer.RefreshToken, expiresAt);
        }
    }

    private static async Task<string?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync(RakurakuJsonContext.Default.RakurakuErrorResponse, ct))?.Error;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
