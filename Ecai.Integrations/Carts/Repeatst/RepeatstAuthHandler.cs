using System.Net;
using System.Net.Http.Headers;
using Ecai.Integrations.Carts.Shared;

namespace Ecai.Integrations.Carts.Repeatst;

/// <summary>
/// Adds the vendor-issued access token as <c>Authorization: Bearer …</c> [I] to every call and turns
/// the refusals an operator must fix into Japanese errors: 401 → wrong token; 403 → ECAI's IP address
/// is not on the shop's allow-list (the data assistant API refuses other IPs [C]; the status code is [I]);
/// 404 → wrong domain (we only call list endpoints, which always exist). The token is static: there is
/// nothing to renew. Sits outside the resilience handler, so it sees the answer after transient retries.
/// </summary>
internal sealed class RepeatstAuthHandler(string accessToken) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (CartHttp.IsUnknownHost(ex))
        {
            throw RepeatstErrors.DomainUnknown(request.RequestUri, ex);
        }
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                response.Dispose();
                throw RepeatstErrors.TokenRejected();
            case HttpStatusCode.Forbidden:
                response.Dispose();
                throw RepeatstErrors.IpNotAllowed();
            case HttpStatusCode.NotFound:
                response.Dispose();
                throw RepeatstErrors.ApiNotFound(request.RequestUri);
            default:
                return response;
        }
    }
}
