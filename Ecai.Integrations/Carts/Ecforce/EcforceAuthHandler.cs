using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>
/// Adds <c>Authorization: Token token="…"</c> (quotes included [C]) to every API call. On a 401 it
/// signs in again once and repeats the call once; a second 401 means the credentials are wrong.
/// A 404 means the API domain is wrong (we only call list endpoints, which always exist).
/// Sits outside the resilience handler, so it sees the final answer after transient retries.
/// </summary>
internal sealed class EcforceAuthHandler(EcforceSession session) : DelegatingHandler
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
                throw EcforceErrors.TokenRejected();
            }
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            throw EcforceErrors.ApiDomainNotFound(request.RequestUri);
        }
        return response;
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, string token, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", $"token=\"{token}\"");
        try
        {
            return await base.SendAsync(request, ct);
        }
        catch (HttpRequestException ex) when (EcforceErrors.IsUnknownHost(ex))
        {
            throw EcforceErrors.ApiDomainUnknown(request.RequestUri, ex);
        }
    }
}

/// <summary>
/// The token of one connection for one pull: the stored token if there is one, else one sign-in.
/// Concurrent page requests share it; only one of them signs in, and a failed sign-in is not
/// repeated within the pull (ecforce allows 5 sign-ins per hour [C3]).
/// </summary>
internal sealed class EcforceSession(CartEndpoint endpoint, IEcforceApi signInApi, ILogger logger, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token = string.IsNullOrWhiteSpace(endpoint.Secrets.Token?.AccessToken) ? null : endpoint.Secrets.Token.AccessToken.Trim();
    private ExceptionDispatchInfo? _signInFailure;

    public async ValueTask<string> GetTokenAsync(CancellationToken ct) =>
        Volatile.Read(ref _token) ?? await RenewAsync(rejected: null, ct);

    /// <summary>A usable token; signs in unless another request already replaced <paramref name="rejected"/>.</summary>
    public async Task<string> RenewAsync(string? rejected, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _signInFailure?.Throw();
            if (_token is not null && _token != rejected) return _token;
            if (string.IsNullOrWhiteSpace(endpoint.Secrets[CartSpec.LoginEmail]) || string.IsNullOrEmpty(endpoint.Secrets[CartSpec.Password]))
                throw EcforceErrors.TokenRejected();
            try
            {
                var token = await SignInAsync(ct);
                Volatile.Write(ref _token, token);
                await SaveAsync(token, ct);
                return token;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _signInFailure = ExceptionDispatchInfo.Capture(ex);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Keeps the token for the next pulls; if that fails this pull still goes on with it.</summary>
    private async Task SaveAsync(string token, CancellationToken ct)
    {
        try
        {
            await endpoint.TokenStore.SaveTokenAsync(endpoint.ConnectionId, new CartToken(token), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "ecforce connection {ConnectionId}: could not store the new token; the next pull signs in again", endpoint.ConnectionId);
        }
    }

    /// <summary>When the answer's <c>Retry-After</c> (seconds or an HTTP date) allows the next try; null when it gave none.</summary>
    private DateTimeOffset? RetryAt(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Date: { } date } => date,
        { Delta: { } delta } => clock.GetUtcNow() + delta,
        _ => null,
    };

    private async Task<string> SignInAsync(CancellationToken ct)
    {
        var body = new EcforceSignInRequest(new EcforceSignInAdmin(endpoint.Secrets[CartSpec.LoginEmail].Trim(), endpoint.Secrets[CartSpec.Password]));
        HttpResponseMessage response;
        try
        {
            response = await signInApi.SignInAsync(body, ct);
        }
        catch (HttpRequestException ex) when (EcforceErrors.IsUnknownHost(ex))
        {
            throw EcforceErrors.ApiDomainUnknown(new Uri(endpoint.ApiBaseUrl), ex);
        }
        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity:
                    logger.LogWarning("ecforce connection {ConnectionId}: sign-in rejected ({Status})", endpoint.ConnectionId, (int)response.StatusCode);
                    throw EcforceErrors.SignInRejected();
                case HttpStatusCode.NotFound:
                    throw EcforceErrors.ApiDomainNotFound(response.RequestMessage?.RequestUri);
                case HttpStatusCode.TooManyRequests:
                    logger.LogWarning("ecforce connection {ConnectionId}: sign-in limit reached", endpoint.ConnectionId);
                    throw EcforceErrors.SignInRateLimited(RetryAt(response));
                case var status when !response.IsSuccessStatusCode:
                    throw EcforceErrors.Unexpected("sign-in", status);
            }
            EcforceSignInResponse? answer;
            try
            {
                answer = await response.Content.ReadFromJsonAsync(EcforceJsonContext.Default.EcforceSignInResponse, ct);
            }
            catch (JsonException ex)
            {
                throw new HttpRequestException("ecforce sign-in: the response was not readable JSON.", ex, response.StatusCode);
            }
            if (string.IsNullOrWhiteSpace(answer?.AuthenticationToken)) throw EcforceErrors.SignInRejected();
            logger.LogInformation("ecforce connection {ConnectionId}: signed in as admin {AdminId}", endpoint.ConnectionId, answer.Id);
            return answer.AuthenticationToken;
        }
    }
}
