using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.SubscStore;

/// <summary>
/// Adds <c>Authorization: Bearer {access token}</c> [I] to every list call. On a 401 it exchanges the
/// credentials again once and repeats the call once; a second 401 means the API is not enabled for
/// these credentials. 404 means a wrong domain. Sits outside the resilience handler.
/// </summary>
internal sealed class SubscStoreAuthHandler(SubscStoreSession session) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await session.GetTokenAsync(cancellationToken);
        var response = await SendWithTokenAsync(request, token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            token = await session.RenewAsync(rejected: token, cancellationToken);
            response = await SendWithTokenAsync(request, token, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw SubscStoreErrors.TokenRejected();
            }
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            throw SubscStoreErrors.ApiNotFound(request.RequestUri);
        }
        return response;
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, string token, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await base.SendAsync(request, ct);
        }
        catch (HttpRequestException ex) when (CartHttp.IsUnknownHost(ex))
        {
            throw SubscStoreErrors.DomainUnknown(request.RequestUri, ex);
        }
    }
}

/// <summary>
/// The access token of one connection for one pull [I]: the stored token while it has more than a
/// minute left, else one exchange of アプリケーションID + シークレットキー at the token endpoint (OAuth 2
/// client credentials). Concurrent pages share it; only one of them exchanges, and a refused exchange
/// is not repeated within the pull. A new token is handed to <see cref="ICartTokenStore"/> so the next
/// pulls reuse it until it expires.
/// </summary>
internal sealed class SubscStoreSession(CartEndpoint endpoint, ISubscStoreApi tokenApi, TimeProvider clock, ILogger logger)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token = Usable(endpoint.Secrets.Token, clock);
    private ExceptionDispatchInfo? _failure;

    public async ValueTask<string> GetTokenAsync(CancellationToken ct) => Volatile.Read(ref _token) ?? await RenewAsync(rejected: null, ct);

    /// <summary>A usable token; exchanges unless another request already replaced <paramref name="rejected"/>.</summary>
    public async Task<string> RenewAsync(string? rejected, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _failure?.Throw();
            if (_token is not null && _token != rejected) return _token;
            try
            {
                var token = await ExchangeAsync(ct);
                Volatile.Write(ref _token, token.AccessToken);
                await SaveAsync(token, ct);
                return token.AccessToken;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string? Usable(CartToken? token, TimeProvider clock) =>
        token is { AccessToken: { Length: > 0 } access } && (token.ExpiresAt is null || token.ExpiresAt > clock.GetUtcNow() + Margin) ? access : null;

    private async Task SaveAsync(CartToken token, CancellationToken ct)
    {
        try
        {
            await endpoint.TokenStore.SaveTokenAsync(endpoint.ConnectionId, token, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "サブスクストア connection {ConnectionId}: could not store the new token; the next pull exchanges again", endpoint.ConnectionId);
        }
    }

    private async Task<CartToken> ExchangeAsync(CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = endpoint.Secrets[CartSpec.ApplicationId].Trim(),
            ["client_secret"] = endpoint.Secrets[CartSpec.SecretKey],
        };
        HttpResponseMessage response;
        try
        {
            response = await tokenApi.TokenAsync(form, ct);
        }
        catch (HttpRequestException ex) when (CartHttp.IsUnknownHost(ex))
        {
            throw SubscStoreErrors.DomainUnknown(new Uri(endpoint.ApiBaseUrl), ex);
        }
        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    logger.LogWarning("サブスクストア connection {ConnectionId}: token exchange refused ({Status})", endpoint.ConnectionId, (int)response.StatusCode);
                    throw SubscStoreErrors.CredentialsRejected();
                case HttpStatusCode.NotFound:
                    throw SubscStoreErrors.ApiNotFound(response.RequestMessage?.RequestUri);
                case var status when !response.IsSuccessStatusCode:
                    throw CartHttp.Unexpected("subscstore", "token exchange", status);
            }
            SubscStoreToken? answer;
            try
            {
                answer = await response.Content.ReadFromJsonAsync(SubscStoreJsonContext.Default.SubscStoreToken, ct);
            }
            catch (JsonException ex)
            {
                throw new HttpRequestException("subscstore token exchange: the response was not readable JSON.", ex, response.StatusCode);
            }
            if (string.IsNullOrWhiteSpace(answer?.AccessToken)) throw SubscStoreErrors.CredentialsRejected();
            DateTimeOffset? expires = answer.ExpiresIn is > 0 and var seconds ? clock.GetUtcNow().AddSeconds(seconds) : null;
            return new CartToken(answer.AccessToken, ExpiresAt: expires);
        }
    }
}
