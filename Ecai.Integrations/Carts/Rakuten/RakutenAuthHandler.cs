using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// Adds <c>Authorization: ESA base64(serviceSecret:licenseKey)</c> [C] to every call and turns the answers an
/// operator must act on into <see cref="CartConnectionException"/>: 401 (licenseKey expired or wrong), 403
/// (function not enabled), 404 (wrong API URL). Sits outside the resilience handler, so it sees the final
/// answer after transient retries.
/// </summary>
internal sealed class RakutenAuthHandler(CartSecrets secrets) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var secret = secrets[CartSpec.ServiceSecret].Trim();
        var key = secrets[CartSpec.LicenseKey].Trim();
        if (secret.Length == 0 || key.Length == 0) throw RakutenErrors.MissingCredentials();
        request.Headers.Authorization = new AuthenticationHeaderValue("ESA", EsaValue(secret, key));

        var response = await base.SendAsync(request, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                throw RakutenErrors.Unauthorized(await ReadMessageAsync(response, cancellationToken));
            case HttpStatusCode.Forbidden:
                throw RakutenErrors.Forbidden(await ReadMessageAsync(response, cancellationToken));
            case HttpStatusCode.NotFound:
                response.Dispose();
                throw RakutenErrors.NotFound(request.RequestUri);
            default:
                return response;
        }
    }

    public static string EsaValue(string serviceSecret, string licenseKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(serviceSecret + ":" + licenseKey));

    /// <summary>The first message of an error body (RMS's MessageModelList [I]), or null.</summary>
    private static async Task<string?> ReadMessageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                var parsed = await JsonSerializer.DeserializeAsync(body, RakutenJsonContext.Default.SearchOrderResponse, ct);
                return parsed?.MessageModelList?.Select(m => m.Message).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
