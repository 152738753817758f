using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Ecai.Integrations.Carts.Repeatst;

/// <summary>
/// Builds a <see cref="RepeatstCartClient"/> for one connection: its access token in a
/// <see cref="RepeatstAuthHandler"/> on top of the shared named pipeline
/// (<c>auth → [rate limiter] → standard resilience handler → socket handler</c>).
/// </summary>
public sealed class RepeatstCartClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<RepeatstOptions> options, ILoggerFactory loggers) : ICartClientFactory
{
    private static readonly RefitSettings Settings = CreateRefitSettings();

    public bool Supports(CartKind kind) => kind == CartKind.Repeatst;

    /// <summary>[I] The customer detail screen of リピスト's admin (<c>https://{domain}/admin/</c> is [C]; the path is modelled).</summary>
    public string? CustomerPageUrl(string cartDomain, string customerExternalId) =>
        string.IsNullOrWhiteSpace(cartDomain) || string.IsNullOrWhiteSpace(customerExternalId)
            ? null
            : $"https://{CartDomain.Normalize(cartDomain) ?? cartDomain.Trim()}/admin/customer/detail?customer_id={Uri.EscapeDataString(customerExternalId.Trim())}";

    public ICartClient Create(CartEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Kind != CartKind.Repeatst) throw new ArgumentException($"Not a リピスト connection: {endpoint.Kind}", nameof(endpoint));
        if (!Uri.TryCreate(endpoint.ApiBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
            throw RepeatstErrors.BaseUrlInvalid(endpoint.ApiBaseUrl);
        var token = endpoint.Secrets[CartSpec.AccessToken].Trim();
        if (token.Length == 0) throw RepeatstErrors.TokenMissing();

        var pipeline = CartHttp.Limited(handlers.CreateHandler(RepeatstSetup.HttpClientName), options.Value.RequestsPerSecond);
        var authorized = new RepeatstAuthHandler(token) { InnerHandler = pipeline };
        var api = RestService.ForGenerated<IRepeatstApi>(CartHttp.NewHttpClient(authorized, baseUri), Settings);
        return new RepeatstCartClient(api, options.Value, loggers.CreateLogger<RepeatstCartClient>());
    }

    private static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(RepeatstJsonContext.Default);
        // Transport failures and our CartConnectionException surface as they are, not wrapped by Refit.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
