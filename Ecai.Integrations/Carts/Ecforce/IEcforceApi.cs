using Refit;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>
/// The ecforce admin API v2 calls ECAI makes (Refit, source-generated). Paths end in <c>.json</c> [C3].
/// List filters are Ransack (<c>q[updated_at_gteq]</c>, value "YYYY-MM-DD HH:MM:SS" JST) [C]/[C3];
/// <c>per</c> is capped at 100 [C3]; <c>sort</c> takes an attribute, "-" for descending [C3].
/// Authentication is added by <see cref="EcforceAuthHandler"/>, never here.
/// Lists return the raw response: the client streams the body into the DTOs itself, so a 100-row
/// page (often over 85 KB) is never buffered whole (large buffers would land on the LOH).
/// </summary>
internal interface IEcforceApi
{
    /// <summary>Sign-in (5 per hour per admin [C3]); the raw response so the caller can read 401/403/422.</summary>
    [Post("/api/v2/admins/sign_in.json")]
    Task<HttpResponseMessage> SignInAsync([Body] EcforceSignInRequest body, CancellationToken ct);

    /// <summary>One page of a list: <paramref name="resource"/> is customers, orders or subs_orders.</summary>
    [Get("/api/v2/admin/{resource}.json")]
    Task<HttpResponseMessage> GetListAsync(
        string resource,
        [AliasAs("page")] int page,
        [AliasAs("per")] int per,
        [AliasAs("q[updated_at_gteq]")] string? updatedSince,
        [AliasAs("sort")] string sort,
        [AliasAs("include")] string include,
        CancellationToken ct);
}
