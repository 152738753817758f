using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ecai.Domain.Line;
using Microsoft.Extensions.Logging;
using Polly;
using Refit;

namespace Ecai.Integrations.Line;

/// <summary>
/// ECAI's LINE client: LINE Login's ID-token check (<see cref="ILineLogin"/>) and the Messaging API calls
/// (<see cref="ILineMessaging"/>) over the named pipeline <see cref="LineSetup.HttpClientName"/> (standard
/// resilience handler), and sending (<see cref="ILineMessenger"/>, LineApiClient.Messenger.cs) over
/// <see cref="LineSetup.SendClientName"/>. The base URL is read from <see cref="LineEndpoint"/> on every call. Tokens are never
/// logged or put in exception messages.
/// </summary>
public sealed partial class LineApiClient(
    IHttpMessageHandlerFactory handlers, LineEndpoint endpoint, TimeProvider clock, ILogger<LineApiClient> logger, LinePacer pacer)
    : ILineLogin, ILineMessaging, ILineMessenger
{
    private static readonly RefitSettings Settings = CreateRefitSettings();

    /// <summary>
    /// Asks LINE to verify the token, then checks the answer itself: the audience must be the channel asked
    /// for and the expiry still ahead (on the injected clock). 400 → Invalid; network errors, time-outs and
    /// 5xx after retries (or any other answer) → Unavailable.
    /// </summary>
    public async Task<IdTokenCheck> VerifyIdTokenAsync(string idToken, string loginChannelId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loginChannelId);
        if (string.IsNullOrWhiteSpace(idToken)) return IdTokenCheck.Refused(IdTokenFailure.Invalid);
        try
        {
            using var http = NewHttpClient();
            var form = new Dictionary<string, string> { ["id_token"] = idToken.Trim(), ["client_id"] = loginChannelId.Trim() };
            using var response = await Api(http).VerifyIdTokenAsync(form, ct);
            // [I] LINE answers 400 {"error":"invalid_request","error_description":"IdToken expired."} (and similar) for a refused token.
            if (response.StatusCode == HttpStatusCode.BadRequest) return IdTokenCheck.Refused(IdTokenFailure.Invalid);
            var claims = await ReadAsync(response, LineJsonContext.Default.LineVerifiedIdToken, "POST /oauth2/v2.1/verify", ct);
            var valid = claims.Sub is { Length: > 0 } && claims.Aud == loginChannelId.Trim()
                        && DateTimeOffset.FromUnixTimeSeconds(claims.Exp) > clock.GetUtcNow();
            return valid
                ? IdTokenCheck.Valid(new LineIdentity(claims.Sub!, Blank(claims.Name), Blank(claims.Picture)))
                : IdTokenCheck.Refused(IdTokenFailure.Invalid);
        }
        catch (Exception ex) when (IsUnavailable(ex, ct))
        {
            logger.LogWarning("LINE could not verify an ID token ({Error}: {Message}).", ex.GetType().Name, ex.Message);
            return IdTokenCheck.Refused(IdTokenFailure.Unavailable);
        }
    }

    /// <summary>
    /// The friend's profile, or null on 404 (LINE does not know the user for this bot). Any other failure
    /// (a refused token, 5xx after retries, network, time-out) is an <see cref="HttpRequestException"/>.
    /// </summary>
    public async Task<LineProfile?> GetProfileAsync(string accessToken, string userId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        const string what = "GET /v2/bot/profile";
        try
        {
            using var http = NewHttpClient();
            using var response = await Api(http).GetProfileAsync(userId, accessToken, ct);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            var body = await ReadAsync(response, LineJsonContext.Default.LineProfileBody, what, ct);
            return new LineProfile(Blank(body.UserId) ?? userId, body.DisplayName ?? "", Blank(body.PictureUrl));
        }
        catch (Exception ex) when (ex is not HttpRequestException && IsUnavailable(ex, ct))
        {
            throw new HttpRequestException($"LINE {what}: {ex.GetType().Name} ({ex.Message}).", ex);
        }
    }

    private HttpClient NewHttpClient(string name = LineSetup.HttpClientName) =>
        // The handler belongs to IHttpClientFactory's pool: never dispose it with the client.
        new(handlers.CreateHandler(name), disposeHandler: false)
        {
            BaseAddress = endpoint.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan, // the resilience handler's time-outs apply
        };

    private static ILineApi Api(HttpClient http) => RestService.ForGenerated<ILineApi>(http, Settings);

    /// <summary>Reads a 2xx body; any other status left by the retries is an error without the body in it.</summary>
    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string what, CancellationToken ct)
        where T : class
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"LINE {what} failed with HTTP {(int)response.StatusCode} ({response.StatusCode}).", null, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await JsonSerializer.DeserializeAsync(body, type, ct)
               ?? throw new HttpRequestException($"LINE {what}: empty body.", null, response.StatusCode);
    }

    /// <summary>
    /// LINE could not be asked or gave no usable answer: network and HTTP errors, unreadable JSON, the
    /// resilience handler's time-outs and open circuit, a time-out that is not the caller's cancellation.
    /// </summary>
    private static bool IsUnavailable(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or JsonException or IOException or ExecutionRejectedException
        || (ex is OperationCanceledException && !ct.IsCancellationRequested);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(LineJsonContext.Default);
        // Transport failures surface as they are, not wrapped in Refit's types.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
