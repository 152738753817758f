using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>
/// Adds <c>Authorization: Bearer …</c> [I: the OAuth 2 norm] to every API call. On a 401 it refreshes the
/// token once and repeats the call once; a second 401 means the approval was withdrawn. 403 is the shop's IP
/// allow-list [C: optional in 外部アプリ連携]; 404 a wrong shop domain. Sits outside the resilience handler.
/// </summary>
internal sealed class RakurakuAuthHandler(RakurakuSession session) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await session.GetAccessTokenAsync(cancellationToken);
        var response = await SendWithTokenAsync(request, token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            token = await session.RefreshAsync(rejected: token, cancellationToken);
            response = await SendWithTokenAsync(request, token, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw RakurakuErrors.AuthorizationLost();
            }
        }
        switch (response.StatusCode)
        {
            case HttpStatusCode.Forbidden:
                response.Dispose();
                throw RakurakuErrors.Forbidden();
            case HttpStatusCode.NotFound:
                response.Dispose();
                throw RakurakuErrors.ApiNotFound(request.RequestUri);
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
        catch (HttpRequestException ex) when (RakurakuErrors.IsUnknownHost(ex))
        {
            throw RakurakuErrors.HostUnknown(request.RequestUri, ex);
        }
    }
}

/// <summary>
/// The tokens of one connection for one client: the stored ones, refreshed when expired (or about to be) or
/// rejected. Only one request refreshes at a time; a failed refresh is not repeated within the pull. New tokens
/// are saved through <see cref="CartEndpoint.TokenStore"/> at once (a rotated refresh token must not be lost).
/// </summary>
internal sealed class RakurakuSession(CartEndpoint endpoint, IRakurakuApi tokenApi, RakurakuOptions options, TimeProvider clock, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CartToken? _token = string.IsNullOrWhiteSpace(endpoint.Secrets.Token?.AccessToken) ? null : endpoint.Secrets.Token;
    private ExceptionDispatchInfo? _refreshFailure;

    public async ValueTask<string> GetAccessTokenAsync(CancellationToken ct)
    {
        var token = Volatile.Read(ref _token) ?? throw RakurakuErrors.NotAuthorized();
        return IsFresh(token) ? token.AccessToken : await RefreshAsync(rejected: token.AccessToken, ct);
    }

    /// <summary>A usable access token; refreshes unless another request already replaced <paramref name="rejected"/>.</summary>
    public async Task<string> RefreshAsync(string? rejected, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _refreshFailure?.Throw();
            var current = _token ?? throw RakurakuErrors.NotAuthorized();
            if (current.AccessToken != rejected && IsFresh(current)) return current.AccessToken;
            if (string.IsNullOrWhiteSpace(current.RefreshToken)) throw RakurakuErrors.AuthorizationLost();
            try
            {
                var renewed = await RakurakuTokens.RefreshAsync(tokenApi, endpoint, current.RefreshToken, clock, ct);
                Volatile.Write(ref _token, renewed);
                await SaveAsync(renewed, ct);
                logger.LogInformation("楽楽リピート connection {ConnectionId}: access token refreshed", endpoint.ConnectionId);
                return renewed.AccessToken;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _refreshFailure = ExceptionDispatchInfo.Capture(ex);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(CartToken token) => token.ExpiresAt is not { } expires || expires - options.RefreshBeforeExpiry > clock.GetUtcNow();

    private async Task SaveAsync(CartToken token, CancellationToken ct)
    {
        try
        {
            await endpoint.TokenStore.SaveTokenAsync(endpoint.ConnectionId, token, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "楽楽リピート connection {ConnectionId}: could not store the refreshed tokens", endpoint.ConnectionId);
        }
    }
}
