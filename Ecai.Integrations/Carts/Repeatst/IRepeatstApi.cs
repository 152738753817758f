using Refit;

namespace Ecai.Integrations.Carts.Repeatst;

/// <summary>
/// リピスト's データアシスタントAPI as ECAI calls it (Refit, source-generated). There is no public
/// specification [C: docs/carts/repeatst.md]; every path, parameter and field here is modelled [I] and kept
/// behind <see cref="RepeatstMapper"/> so the real shape can replace it.
/// [I] <c>GET /data_assistant/api/v1/{customers|orders|teiki_orders}.json?updated_from=YYYY-MM-DD HH:MM:SS (JST)&amp;page=N&amp;limit=L</c>,
/// sorted by updated_at ascending; <c>limit</c> at most 200.
/// Authentication (<c>Authorization: Bearer</c> [I]) is added by <see cref="RepeatstAuthHandler"/>.
/// Lists return the raw response so the client streams the body into the DTOs.
/// </summary>
internal interface IRepeatstApi
{
    [Get("/data_assistant/api/v1/{resource}.json")]
    Task<HttpResponseMessage> GetListAsync(
        string resource,
        [AliasAs("updated_from")] string? updatedFrom,
        [AliasAs("page")] int page,
        [AliasAs("limit")] int limit,
        CancellationToken ct);
}
