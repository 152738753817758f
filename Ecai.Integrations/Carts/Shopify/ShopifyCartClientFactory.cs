using Ecai.Domain.Carts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>
/// Builds a <see cref="ShopifyCartClient"/> for one connection: its access token in a handler of its
/// own on top of the shared named pipeline:
/// <c>ShopifyAuthHandler → standard resilience handler → ShopifyThrottleHandler → socket handler</c>.
/// </summary>
public sealed class ShopifyCartClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<ShopifyOptions> options, ILoggerFactory loggers) : ICartClientFactory
{
    private static readonly RefitSettings Settings = CreateRefitSettings();

    public bool Supports(CartKind kind) => kind == CartKind.Shopify;

    public string? CustomerPageUrl(string cartDomain, string customerExternalId) => ShopifyUrls.CustomerPage(cartDomain, customerExternalId);

    public ICartClient Create(CartEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Kind != CartKind.Shopify) throw new ArgumentException($"Not a Shopify connection: {endpoint.Kind}", nameof(endpoint));
        if (!Uri.TryCreate(endpoint.ApiBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
            throw ShopifyErrors.ApiBaseUrlInvalid(endpoint.ApiBaseUrl);

        var authorized = new ShopifyAuthHandler(endpoint.Secrets[CartSpec.AccessToken]) { InnerHandler = handlers.CreateHandler(ShopifySetup.HttpClientName) };
        // The handlers belong to IHttpClientFactory's pool: never dispose them with the client.
        var http = new HttpClient(authorized, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        var api = RestService.ForGenerated<IShopifyApi>(http, Settings);
        return new ShopifyCartClient(api, options.Value, endpoint.SubscriptionTagsSince, loggers.CreateLogger<ShopifyCartClient>());
    }

    private static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(ShopifyJsonContext.Default);
        // Surface transport failures (and our CartConnectionException) as they are, not wrapped by Refit.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
