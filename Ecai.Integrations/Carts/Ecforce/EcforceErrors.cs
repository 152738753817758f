using System.Net;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>The operator-facing failures of an ecforce connection (Japanese first, as shown in the UI).</summary>
internal static class EcforceErrors
{
    private const string CheckDomainsHint =
        "カートドメイン・APIドメインに間違いがないか確認し、解決しない場合はサポートへご連絡ください。";

    public static CartConnectionException SignInRejected() => new(
        "ecforceにログインできませんでした。メールアドレスとパスワードを確認してください。", CheckDomainsHint);

    public static CartConnectionException SignInRateLimited() => new(
        "ecforceへのログイン回数が上限に達しました(1時間に5回まで)。しばらく待ってから再度お試しください。", CheckDomainsHint);

    public static CartConnectionException TokenRejected() => new(
        "ecforceのAPI認証トークンが受け付けられませんでした。ログイン情報またはAPI認証トークンを確認してください。", CheckDomainsHint);

    public static CartConnectionException ApiDomainNotFound(Uri? uri) => new(
        $"ecforceのAPIが見つかりませんでした(404: {uri?.Host})。APIドメインを確認してください。", CheckDomainsHint);

    public static CartConnectionException ApiBaseUrlInvalid(string url) => new(
        $"ecforceのAPIドメインの形式が正しくありません: '{url}'", CheckDomainsHint);

    public static CartConnectionException ApiDomainUnknown(Uri? uri, Exception inner) => new(
        $"ecforceのAPIドメイン({uri?.Host})に接続できませんでした。APIドメインを確認してください。", CheckDomainsHint, inner);

    /// <summary>A host name that does not resolve is a settings mistake, not a transient failure.</summary>
    public static bool IsUnknownHost(HttpRequestException ex) => ex.HttpRequestError == HttpRequestError.NameResolutionError;

    /// <summary>Any other non-success answer, without response bodies or secrets in the message.</summary>
    public static HttpRequestException Unexpected(string what, HttpStatusCode status) =>
        new($"ecforce {what} failed with HTTP {(int)status} ({status}).", null, status);
}
