using System.Net;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>The operator-facing failures of a 楽楽リピート connection (Japanese, as shown in the UI).</summary>
internal static class RakurakuErrors
{
    private const string Hint = "ショップドメイン・クライアントID・クライアントシークレットに間違いがないか確認し、解決しない場合はサポートへご連絡ください。";

    public static CartConnectionException NotAuthorized() => new(
        "楽楽リピートでECAIとの連携が許可されていません。外部連携から連携を許可してください。", Hint) { NeedsAuthorization = true };

    public static CartConnectionException AuthorizationLost() => new(
        "楽楽リピートとの連携が無効になりました(アクセストークンが受け付けられませんでした)。外部連携からもう一度連携を許可してください。", Hint)
        { NeedsAuthorization = true };

    public static CartConnectionException CodeRejected() => new(
        "楽楽リピートの認可コードが無効か期限切れです。外部連携からもう一度連携を許可してください。", Hint);

    public static CartConnectionException ClientRejected() => new(
        "楽楽リピートのクライアントIDまたはクライアントシークレットが正しくありません。「基本設定 > 外部アプリ連携」の値を確認してください。", Hint);

    public static CartConnectionException Forbidden() => new(
        "楽楽リピートがECAIからのアクセスを拒否しました(403)。「外部アプリ連携」のIPアドレス制限を確認してください。", Hint);

    public static CartConnectionException ApiNotFound(Uri? uri) => new(
        $"楽楽リピートのAPIが見つかりませんでした(404: {uri?.Host})。ショップドメインを確認してください。", Hint);

    public static CartConnectionException ApiBaseUrlInvalid(string url) => new(
        $"楽楽リピートのショップドメインの形式が正しくありません: '{url}'", Hint);

    public static CartConnectionException HostUnknown(Uri? uri, Exception inner) => new(
        $"楽楽リピートのショップ({uri?.Host})に接続できませんでした。ショップドメインを確認してください。", Hint, inner);

    public static bool IsUnknownHost(HttpRequestException ex) => ex.HttpRequestError == HttpRequestError.NameResolutionError;

    /// <summary>Any other non-success answer, without bodies or secrets in the message.</summary>
    public static HttpRequestException Unexpected(string what, HttpStatusCode status) =>
        new($"楽楽リピート {what} failed with HTTP {(int)status} ({status}).", null, status);
}
