using System.Net;
using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>The operator-facing failures of a Rakuten RMS connection (Japanese first, as shown in the UI).</summary>
internal static class RakutenErrors
{
    private const string Hint = "RMSの「WEB APIサービス」の設定を確認し、解決しない場合はサポートへご連絡ください。";

    /// <summary>401: a wrong or expired licenseKey (it expires every 90 days [C]) or a wrong serviceSecret.</summary>
    public static CartConnectionException Unauthorized(string? detail) => new(
        "楽天RMSの認証に失敗しました。licenseKeyの有効期限が切れているか、serviceSecret・licenseKeyが正しくありません。"
        + "RMSで新しいlicenseKeyを発行し、外部連携でlicenseKeyを更新してください。" + Detail(detail), Hint);

    /// <summary>403: the function is not enabled for this licence in RMS [I].</summary>
    public static CartConnectionException Forbidden(string? detail) => new(
        "楽天RMSでこの機能の利用が許可されていません。RMSの「WEB APIサービス」で rpay.order.searchOrder・rpay.order.getOrder を利用可能にしてください。"
        + Detail(detail), Hint);

    /// <summary>A business error: HTTP 200 with a MessageModelList entry of messageType ERROR [I, R1].</summary>
    public static CartConnectionException Business(string? code, string? message) => new(
        $"楽天RMSがエラーを返しました: {Describe(code, message)}", Hint);

    public static CartConnectionException NotFound(Uri? uri) => new(
        $"楽天RMSのAPIが見つかりませんでした(404: {uri?.AbsolutePath})。", Hint);

    public static CartConnectionException ApiBaseUrlInvalid(string url) => new(
        $"楽天RMSのAPIのURLの形式が正しくありません: '{url}'", Hint);

    public static CartConnectionException MissingCredentials() => new(
        "楽天RMSのserviceSecretとlicenseKeyを入力してください。", Hint);

    /// <summary>Any other non-success answer, without bodies or secrets in the message.</summary>
    public static HttpRequestException Unexpected(string what, HttpStatusCode status) =>
        new($"Rakuten RMS {what} failed with HTTP {(int)status} ({status}).", null, status);

    private static string Describe(string? code, string? message) =>
        (string.IsNullOrWhiteSpace(code), string.IsNullOrWhiteSpace(message)) switch
        {
            (false, false) => $"{message!.Trim()} ({code!.Trim()})",
            (true, false) => message!.Trim(),
            (false, true) => code!.Trim(),
            _ => "(内容不明)",
        };

    private static string Detail(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $"(楽天RMS: {message.Trim()})";
}
