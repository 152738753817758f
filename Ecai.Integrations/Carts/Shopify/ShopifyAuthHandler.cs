using System.Net;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>
/// Adds <c>X-Shopify-Access-Token</c> [C] to every call and turns the answers an operator must fix
/// into <see cref="CartConnectionException"/>: 401 wrong token, 403 missing scope, 404 wrong shop.
/// Sits outside the resilience handler, so it sees the final answer after transient retries.
/// </summary>
internal sealed class ShopifyAuthHandler(string accessToken) : DelegatingHandler
{
    public const string Header = "X-Shopify-Access-Token";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(accessToken)) throw ShopifyErrors.TokenRejected();
        request.Headers.Remove(Header);
        request.Headers.TryAddWithoutValidation(Header, accessToken.Trim());
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ShopifyErrors.IsUnknownHost(ex))
        {
            throw ShopifyErrors.ShopUnknown(request.RequestUri, ex);
        }
        var failure = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => ShopifyErrors.TokenRejected(),
            HttpStatusCode.Forbidden => ShopifyErrors.ScopeMissing(request.RequestUri),
            HttpStatusCode.NotFound => ShopifyErrors.ShopNotFound(request.RequestUri),
            _ => null,
        };
        if (failure is null) return response;
        response.Dispose();
        throw failure;
    }

    public override string ToString() => "ShopifyAuthHandler(***)";
}
