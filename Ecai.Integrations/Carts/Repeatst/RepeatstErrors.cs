using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.Repeatst;

/// <summary>The operator-facing failures of a リピスト connection (Japanese, as shown in the UI).</summary>
internal static class RepeatstErrors
{
    /// <summary>Where the shop allow-lists ECAI's IP addresses [C: docs/carts/repeatst.md].</summary>
    public const string IpAllowListScreen = "基本情報管理 > SHOPマスタ > 外部連携 > データアシスタントAPI";

    private const string CheckDomainHint = "カートドメインに間違いがないか確認し、解決しない場合はサポートへご連絡ください。";

    public static CartConnectionException TokenMissing() => new(
        "リピストのアクセストークンが入力されていません。リピストから発行されたアクセストークンを入力してください。", CheckDomainHint);

    public static CartConnectionException TokenRejected() => new(
        "アクセストークンが正しくありません。リピストから発行されたアクセストークンを確認してください。", CheckDomainHint);

    public static CartConnectionException IpNotAllowed() => new(
        $"リピストがECAIからの接続を拒否しました(IPアドレスが許可されていません)。リピスト管理画面の「{IpAllowListScreen}」でECAIのIPアドレスを許可してください。",
        "許可後も解決しない場合はサポートへご連絡ください。");

    public static CartConnectionException ApiNotFound(Uri? uri) => new(
        $"リピストのAPIが見つかりませんでした(404: {uri?.Host})。カートドメインを確認してください。", CheckDomainHint);

    public static CartConnectionException DomainUnknown(Uri? uri, Exception inner) => new(
        $"リピストのカートドメイン({uri?.Host})に接続できませんでした。カートドメインを確認してください。", CheckDomainHint, inner);

    public static CartConnectionException BaseUrlInvalid(string url) => new(
        $"リピストのカートドメインの形式が正しくありません: '{url}'", CheckDomainHint);
}
