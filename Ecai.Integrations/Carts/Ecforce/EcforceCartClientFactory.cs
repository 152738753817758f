using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>
/// Builds an <see cref="EcforceCartClient"/> for one connection. Each connection gets its own auth
/// handler (its token) on top of the shared named pipeline (resilience + connection pool):
/// <c>EcforceAuthHandler → standard resilience handler → socket handler</c>.
/// </summary>
public sealed class EcforceCartClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<EcforceOptions> options, ILoggerFactory loggers, TimeProvider? clock = null) : ICartClientFactory
{
    private static readonly RefitSettings Settings = CreateRefitSettings();

    public bool Supports(CartKind kind) => kind == CartKind.Ecforce;

    public string? CustomerPageUrl(string cartDomain, string customerExternalId) => EcforceUrls.CustomerPage(cartDomain, customerExternalId);

    public ICartClient Create(CartEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Kind != CartKind.Ecforce) throw new ArgumentException($"Not an ecforce connection: {endpoint.Kind}", nameof(endpoint));
        if (!Uri.TryCreate(endpoint.ApiBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
            throw EcforceErrors.ApiBaseUrlInvalid(endpoint.ApiBaseUrl);

        var logger = loggers.CreateLogger<EcforceCartClient>();
        var shared = handlers.CreateHandler(EcforceSetup.HttpClientName);

        // Sign-in goes straight to the shared pipeline (POST is never retried there).
        var signInApi = RestService.ForGenerated<IEcforceApi>(NewHttpClient(shared, baseUri), Settings);
        var session = new EcforceSession(endpoint, signInApi, logger, clock ?? TimeProvider.System);
        var authorized = new EcforceAuthHandler(session) { InnerHandler = shared };
        var api = RestService.ForGenerated<IEcforceApi>(NewHttpClient(authorized, baseUri), Settings);
        return new EcforceCartClient(api, options.Value, logger);
    }

    // The handlers belong to IHttpClientFactory's pool: never dispose them with the client.
    private static HttpClient NewHttpClient(HttpMessageHandler handler, Uri baseUri) =>
        new(handler, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };

    private static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(EcforceJsonContext.Default);
        // Surface transport failures (and our CartConnectionException from the auth handler) as they are,
        // not wrapped in Refit's ApiRequestException.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
