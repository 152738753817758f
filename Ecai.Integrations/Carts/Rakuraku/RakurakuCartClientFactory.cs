using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>
/// Builds a <see cref="RakurakuCartClient"/> for one connection and runs the OAuth 2 authorisation-code flow [C]
/// (<see cref="ICartAuthorizer"/>). Pipeline: <c>RakurakuAuthHandler → standard resilience → pacing → socket</c>.
/// </summary>
public sealed class RakurakuCartClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<RakurakuOptions> options, ILoggerFactory loggers, TimeProvider? clock = null)
    : ICartClientFactory, ICartAuthorizer
{
    private static readonly RefitSettings Settings = CreateRefitSettings();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public bool Supports(CartKind kind) => kind == CartKind.RakurakuRepeat;

    public string? CustomerPageUrl(string cartDomain, string customerExternalId) => RakurakuUrls.CustomerPage(cartDomain, customerExternalId);

    public ICartClient Create(CartEndpoint endpoint)
    {
        var baseUri = BaseUri(endpoint);
        var logger = loggers.CreateLogger<RakurakuCartClient>();
        var shared = handlers.CreateHandler(RakurakuSetup.HttpClientName);
        var tokenApi = RestService.ForGenerated<IRakurakuApi>(NewHttpClient(shared, baseUri), Settings);
        var session = new RakurakuSession(endpoint, tokenApi, options.Value, _clock, logger);
        var api = RestService.ForGenerated<IRakurakuApi>(NewHttpClient(new RakurakuAuthHandler(session) { InnerHandler = shared }, baseUri), Settings);
        return new RakurakuCartClient(api, options.Value, logger);
    }

    /// <summary><c>{api}/oauth/authorize.php?client_id=…&amp;response_type=code&amp;redirect_uri=…&amp;state=…</c> [C]; scope is reserved [C].</summary>
    public Uri AuthorizeUrl(CartEndpoint endpoint, string state, string redirectUri)
    {
        var baseUri = BaseUri(endpoint);
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(endpoint.Secrets[CartSpec.ClientId].Trim()),
            "response_type=code",
            "redirect_uri=" + Uri.EscapeDataString(redirectUri),
            "state=" + Uri.EscapeDataString(state));
        return new Uri($"{baseUri.AbsoluteUri.TrimEnd('/')}/oauth/authorize.php?{query}");
    }

    public Task<CartToken> ExchangeCodeAsync(CartEndpoint endpoint, string code, string redirectUri, CancellationToken ct)
    {
        var api = RestService.ForGenerated<IRakurakuApi>(NewHttpClient(handlers.CreateHandler(RakurakuSetup.HttpClientName), BaseUri(endpoint)), Settings);
        return RakurakuTokens.ExchangeCodeAsync(api, endpoint, code, redirectUri, _clock, ct);
    }

    private static Uri BaseUri(CartEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Kind != CartKind.RakurakuRepeat) throw new ArgumentException($"Not a 楽楽リピート connection: {endpoint.Kind}", nameof(endpoint));
        if (!Uri.TryCreate(endpoint.ApiBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
            throw RakurakuErrors.ApiBaseUrlInvalid(endpoint.ApiBaseUrl);
        return baseUri;
    }

    // The handlers belong to IHttpClientFactory's pool: never dispose them with the client.
    private static HttpClient NewHttpClient(HttpMessageHandler handler, Uri baseUri) =>
        new(handler, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };

    private static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(RakurakuJsonContext.Default);
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
