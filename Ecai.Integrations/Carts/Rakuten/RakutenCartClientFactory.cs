using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// Builds a <see cref="RakutenCartClient"/> for one connection:
/// <c>RakutenAuthHandler (ESA header, per connection) → standard resilience → RakutenPacingHandler → socket</c>.
/// </summary>
public sealed class RakutenCartClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<RakutenOptions> options, ILoggerFactory loggers, TimeProvider? clock = null) : ICartClientFactory
{
    private static readonly RefitSettings Settings = CreateRefitSettings();

    public bool Supports(CartKind kind) => kind == CartKind.RakutenRms;

    /// <summary>RMS has no customer page to link to (buyers are per order, behind a masked e-mail): see <see cref="OrderPageUrl"/>.</summary>
    public string? CustomerPageUrl(string cartDomain, string customerExternalId) => null;

    /// <summary>The order in RMS 受注管理; the order's external id is its RMS order number.</summary>
    public string? OrderPageUrl(string cartDomain, string orderExternalId) => RakutenUrls.OrderPage(orderExternalId);

    public ICartClient Create(CartEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Kind != CartKind.RakutenRms) throw new ArgumentException($"Not a Rakuten connection: {endpoint.Kind}", nameof(endpoint));
        if (!Uri.TryCreate(endpoint.ApiBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
            throw RakutenErrors.ApiBaseUrlInvalid(endpoint.ApiBaseUrl);

        var authorized = new RakutenAuthHandler(endpoint.Secrets) { InnerHandler = handlers.CreateHandler(RakutenSetup.HttpClientName) };
        // The inner handlers belong to IHttpClientFactory's pool: never dispose them with the client.
        var http = new HttpClient(authorized, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        var api = RestService.ForGenerated<IRakutenApi>(http, Settings);
        return new RakutenCartClient(api, endpoint, options.Value, clock ?? TimeProvider.System, loggers.CreateLogger<RakutenCartClient>());
    }

    private static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(RakutenJsonContext.Default);
        // Our CartConnectionException from the auth handler and transport failures surface as they are.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
