using System.Net;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Shopify;

/// <summary>The operator-facing failures of a Shopify connection (Japanese first, as shown in the UI).</summary>
internal static class ShopifyErrors
{
    private const string CheckSettingsHint =
        "ストアドメインとAdmin APIアクセストークンに間違いがないか確認し、解決しない場合はサポートへご連絡ください。";

    public static CartConnectionException TokenRejected() => new(
        "Shopifyのアクセストークンが正しくありません。カスタムアプリのAdmin APIアクセストークン(shpat_で始まる文字列)を確認してください。", CheckSettingsHint);

    public static CartConnectionException ScopeMissing(Uri? uri) => new(
        $"Shopifyのカスタムアプリに必要な権限がありません({uri?.AbsolutePath})。Admin APIの read_orders・read_customers を許可してアプリを再インストールしてください。",
        CheckSettingsHint);

    public static CartConnectionException ShopNotFound(Uri? uri) => new(
        $"Shopifyのストアが見つかりませんでした(404: {uri?.Host})。ストアドメイン(○○.myshopify.com)を確認してください。", CheckSettingsHint);

    public static CartConnectionException ApiBaseUrlInvalid(string url) => new(
        $"Shopifyのストアドメインの形式が正しくありません: '{url}'", CheckSettingsHint);

    public static CartConnectionException ShopUnknown(Uri? uri, Exception inner) => new(
        $"Shopifyのストア({uri?.Host})に接続できませんでした。ストアドメインを確認してください。", CheckSettingsHint, inner);

    /// <summary>A host name that does not resolve is a settings mistake, not a transient failure.</summary>
    public static bool IsUnknownHost(HttpRequestException ex) => ex.HttpRequestError == HttpRequestError.NameResolutionError;

    /// <summary>Any other non-success answer, without response bodies or secrets in the message.</summary>
    public static HttpRequestException Unexpected(string what, HttpStatusCode status) =>
        new($"Shopify {what} failed with HTTP {(int)status} ({status}).", null, status);
}
