using Refit;

namespace Ecai.Integrations.Carts.SubscStore;

/// <summary>
/// サブスクストア (Temona) API as ECAI calls it (Refit, source-generated). Temona issues an
/// アプリケーションID and a シークレットキー on request [C: docs/carts/subscstore.md]; there is no public
/// specification, so everything else here is modelled [I] and kept behind <see cref="SubscStoreMapper"/>:
/// <list type="bullet">
/// <item>[I] auth: OAuth 2 client credentials, <c>POST /api/v1/oauth/token</c> (form: grant_type=client_credentials,
/// client_id = アプリケーションID, client_secret = シークレットキー) → a Bearer token valid <c>expires_in</c> seconds (1 h).</item>
/// <item>[I] lists: <c>GET /api/v1/{customers|orders|subscriptions}?updatedAtFrom=ISO-8601&amp;page=N&amp;perPage=L</c>
/// (perPage ≤ 100), camelCase JSON, sorted by updatedAt ascending, <c>pagination.totalPages</c>.</item>
/// </list>
/// </summary>
internal interface ISubscStoreApi
{
    /// <summary>The token exchange; the raw response so the caller can read 400/401.</summary>
    [Post("/api/v1/oauth/token")]
    Task<HttpResponseMessage> TokenAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken ct);

    [Get("/api/v1/{resource}")]
    Task<HttpResponseMessage> GetListAsync(
        string resource,
        [AliasAs("updatedAtFrom")] string? updatedAtFrom,
        [AliasAs("page")] int page,
        [AliasAs("perPage")] int perPage,
        CancellationToken ct);
}
