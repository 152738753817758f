using System.Net;
using Ecai.Domain.Carts;
using Ecai.Domain.Time;

namespace Ecai.Integrations.Carts.Ecforce;

/// <summary>The operator-facing failures of an ecforce connection (Japanese first, as shown in the UI).</summary>
internal static class EcforceErrors
{
    private const string CheckDomainsHint =
        "カートドメイン・APIドメインに間違いがないか確認し、解決しない場合はサポートへご連絡ください。";

    public static CartConnectionException SignInRejected() => new(
        "ecforceにログインできませんでした。メールアドレスとパスワードを確認してください。", CheckDomainsHint);

    /// <summary>The shop's sign-in limit is used up; <paramref name="retryAt"/> is when it allows one again, if it said.</summary>
    public static CartConnectionException SignInRateLimited(DateTimeOffset? retryAt = null) => new(
        "ecforceへのログイン回数が上限に達しました(1時間に5回まで)。"
        + (retryAt is { } at ? $"{JapanTime.ToJst(at):yyyy/MM/dd HH:mm}以降に再度お試しください。" : "1時間ほど待ってから再度お試しください。"),
        "ログインに成功すると、その後の接続テストと取込は同じトークンを使うため、ログイン回数を消費しません。");

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
