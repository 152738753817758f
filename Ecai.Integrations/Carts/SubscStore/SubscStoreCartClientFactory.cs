using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Ecai.Integrations.Carts.SubscStore;

/// <summary>
/// Builds a <see cref="SubscStoreCartClient"/> for one connection: a <see cref="SubscStoreSession"/> (its
/// token) and <see cref="SubscStoreAuthHandler"/> on top of the shared named pipeline
/// (<c>auth → [rate limiter] → standard resilience handler → socket handler</c>). The token POST goes
/// straight to the pipeline, where POSTs are never retried.
/// </summary>
public sealed class SubscStoreCartClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<SubscStoreOptions> options, ILoggerFactory loggers, TimeProvider? clock = null) : ICartClientFactory
{
    private static readonly RefitSettings Settings = CreateRefitSettings();

    public bool Supports(CartKind kind) => kind == CartKind.SubscStore;

    /// <summary>[I] The member detail screen of サブスクストア's admin (modelled path).</summary>
    public string? CustomerPageUrl(string cartDomain, string customerExternalId) =>
        string.IsNullOrWhiteSpace(cartDomain) || string.IsNullOrWhiteSpace(customerExternalId)
            ? null
            : $"https://{CartDomain.Normalize(cartDomain) ?? cartDomain.Trim()}/admin/customers/{Uri.EscapeDataString(customerExternalId.Trim())}/edit";

    public ICartClient Create(CartEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Kind != CartKind.SubscStore) throw new ArgumentException($"Not a サブスクストア connection: {endpoint.Kind}", nameof(endpoint));
        if (!Uri.TryCreate(endpoint.ApiBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
            throw SubscStoreErrors.BaseUrlInvalid(endpoint.ApiBaseUrl);
        if (string.IsNullOrWhiteSpace(endpoint.Secrets[CartSpec.ApplicationId]) || string.IsNullOrEmpty(endpoint.Secrets[CartSpec.SecretKey]))
            throw SubscStoreErrors.CredentialsMissing();

        var logger = loggers.CreateLogger<SubscStoreCartClient>();
        var pipeline = CartHttp.Limited(handlers.CreateHandler(SubscStoreSetup.HttpClientName), options.Value.RequestsPerSecond);
        var tokenApi = RestService.ForGenerated<ISubscStoreApi>(CartHttp.NewHttpClient(pipeline, baseUri), Settings);
        var session = new SubscStoreSession(endpoint, tokenApi, clock ?? TimeProvider.System, logger);
        var authorized = new SubscStoreAuthHandler(session) { InnerHandler = pipeline };
        var api = RestService.ForGenerated<ISubscStoreApi>(CartHttp.NewHttpClient(authorized, baseUri), Settings);
        return new SubscStoreCartClient(api, options.Value, logger);
    }

    private static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(SubscStoreJsonContext.Default);
        // Transport failures and our CartConnectionException surface as they are, not wrapped by Refit.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
