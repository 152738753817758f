using Ecai.Domain.Carts;

namespace Ecai.Integrations.Carts.SubscStore;

/// <summary>The operator-facing failures of a サブスクストア connection (Japanese, as shown in the UI).</summary>
internal static class SubscStoreErrors
{
    private const string CheckDomainHint = "カートドメインに間違いがないか確認し、解決しない場合はサポートへご連絡ください。";

    public static CartConnectionException CredentialsMissing() => new(
        "サブスクストアのアプリケーションIDとシークレットキーを入力してください。", CheckDomainHint);

    public static CartConnectionException CredentialsRejected() => new(
        "アプリケーションIDまたはシークレットキーが正しくありません。テモナ社から発行されたアプリケーションIDとシークレットキーを確認してください。", CheckDomainHint);

    public static CartConnectionException TokenRejected() => new(
        "サブスクストアがAPIの利用を拒否しました。API連携オプションが有効か、アプリケーションIDとシークレットキーが正しいかを確認してください。", CheckDomainHint);

    public static CartConnectionException ApiNotFound(Uri? uri) => new(
        $"サブスクストアのAPIが見つかりませんでした(404: {uri?.Host})。カートドメインを確認してください。", CheckDomainHint);

    public static CartConnectionException DomainUnknown(Uri? uri, Exception inner) => new(
        $"サブスクストアのカートドメイン({uri?.Host})に接続できませんでした。カートドメインを確認してください。", CheckDomainHint, inner);

    public static CartConnectionException BaseUrlInvalid(string url) => new(
        $"サブスクストアのカートドメインの形式が正しくありません: '{url}'", CheckDomainHint);
}
