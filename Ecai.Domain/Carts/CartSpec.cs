using Ecai.Domain.Linking;

namespace Ecai.Domain.Carts;

/// <summary>How a connect-form field is entered and checked.</summary>
public enum CartFieldType
{
    Text,
    Email,
    /// <summary>A credential: masked in the form, stored encrypted, never shown back.</summary>
    Secret,
}

/// <summary>One credential the cart's connect form asks for. <see cref="Key"/> is the key in <see cref="CartSecrets.Fields"/>.</summary>
public sealed record CartField(string Key, string Label, CartFieldType Type, string Help, string? Placeholder = null);

/// <summary>How ECAI obtains the token a cart's API wants.</summary>
public enum CartAuthFlow
{
    /// <summary>The form's credentials are enough (a connector may sign in with them and keep a token).</summary>
    Credentials,
    /// <summary>OAuth 2 authorisation code: after saving, the operator approves ECAI on the cart's own screen.</summary>
    OAuthCode,
}

/// <summary>
/// What each cart asks for and supports, from the seed's set-up pages and the cart table in
/// README, "Carts". The connect form, its validation and the integration page are driven by this.
/// </summary>
public sealed record CartSpec(
    CartKind Kind,
    /// <summary>What the shop must do at the cart's side first (the seed's set-up step).</summary>
    string Preparation,
    string DomainLabel,
    string DomainHelp,
    string DomainPlaceholder,
    IReadOnlyList<CartField> Fields,
    CartAuthFlow Auth,
    /// <summary>The form asks for an API domain (ecforce issues one per contract); otherwise it is derived.</summary>
    bool AsksApiDomain,
    /// <summary>Base URL of the cart's API when the form does not ask for it (from the normalised cart domain).</summary>
    Func<string, string> DefaultApiBaseUrl,
    bool BirthdaySync,
    bool LineIdLinking,
    bool LicenseExpiry,
    bool SubscriptionAppTags,
    LinkKey LinkKey)
{
    /// <summary>The cart's identity as stored and compared (same cart on two bots): a host, or Rakuten's shop URL.</summary>
    public string? NormalizeDomain(string? raw) => Kind == CartKind.RakutenRms ? CartDomain.NormalizeRakutenShop(raw) : CartDomain.Normalize(raw);

    public const string LoginEmail = "login_email";
    public const string Password = "password";
    public const string AccessToken = "access_token";
    public const string ApiSecret = "api_secret";
    public const string ServiceSecret = "service_secret";
    public const string LicenseKey = "license_key";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string ApplicationId = "application_id";
    public const string SecretKey = "secret_key";

    public static IReadOnlyList<CartSpec> All { get; } =
    [
        new(CartKind.Ecforce,
            "ecforce側でAPI連携のお申し込みが必要です。お申し込み後にecforceから「API用ドメイン」が渡されます。",
            "カートドメイン", "http://★★★★/admin/ の★の部分を入力してください。「www.」は付けず、「shop.」が付いている場合は付けてください。",
            "shop.example.jp",
            [
                new(LoginEmail, "ログインメールアドレス", CartFieldType.Email, "ecforceの管理画面にログインできるメールアドレス"),
                new(Password, "ログインパスワード", CartFieldType.Secret, "ecforceの管理画面にログインできるパスワード。暗号化して保存し、画面には表示しません。"),
            ],
            CartAuthFlow.Credentials, AsksApiDomain: true, DefaultApiBaseUrl: d => "https://" + d,
            BirthdaySync: true, LineIdLinking: true, LicenseExpiry: false, SubscriptionAppTags: false, LinkKey.Phone),
        new(CartKind.Shopify,
            "Shopify管理画面の「設定 > アプリと販売チャネル > アプリを開発」でカスタムアプリを作成し、Admin APIの read_orders・read_customers を許可してインストールしてください。",
            "ストアドメイン", "Shopifyのストアのドメイン(○○.myshopify.com)です。", "example.myshopify.com",
            [
                new(AccessToken, "Admin APIアクセストークン", CartFieldType.Secret,
                    "Shopify管理画面の「アプリを開発」で作成したカスタムアプリのAdmin APIアクセストークン(shpat_で始まる文字列)です。", "shpat_…"),
                new(ApiSecret, "APIシークレットキー", CartFieldType.Secret,
                    "同じカスタムアプリの「APIシークレットキー」です。Webhookの署名の検証に使います。"),
            ],
            CartAuthFlow.Credentials, AsksApiDomain: false, DefaultApiBaseUrl: d => "https://" + d,
            BirthdaySync: false, LineIdLinking: false, LicenseExpiry: false, SubscriptionAppTags: true, LinkKey.Email),
        new(CartKind.RakutenRms,
            "RMSの「WEB APIサービス」で rpay.order.searchOrder・rpay.order.getOrder を利用可能にし、licenseKeyを発行してください。受注は連携日から2年前までを取り込みます。",
            "店舗URL", "楽天市場の店舗トップページのURL(https://www.rakuten.co.jp/○○/)です。", "www.rakuten.co.jp/shop-name",
            [
                new(ServiceSecret, "serviceSecret", CartFieldType.Secret, "RMSの「WEB APIサービス」で確認できるserviceSecretです。"),
                new(LicenseKey, "licenseKey", CartFieldType.Secret, "RMSで発行したlicenseKeyです。90日ごとに更新が必要です。"),
            ],
            CartAuthFlow.Credentials, AsksApiDomain: false, DefaultApiBaseUrl: _ => "https://api.rms.rakuten.co.jp",
            BirthdaySync: false, LineIdLinking: false, LicenseExpiry: true, SubscriptionAppTags: false, LinkKey.Phone),
        new(CartKind.RakurakuRepeat,
            "楽楽リピートの「基本設定 > 外部アプリ連携」でアプリを登録し、リダイレクトURLにECAIの /cartauth/callback を設定してください。保存後に楽楽リピートの画面で連携を許可します。",
            "ショップドメイン", "楽楽リピートのショップのドメインです。", "shop.example.jp",
            [
                new(ClientId, "クライアントID", CartFieldType.Text, "楽楽リピートの「基本設定 > 外部アプリ連携」で登録したアプリのクライアントIDです。"),
                new(ClientSecret, "クライアントシークレット", CartFieldType.Secret, "同じ画面に表示されるクライアントシークレットです。"),
            ],
            CartAuthFlow.OAuthCode, AsksApiDomain: false, DefaultApiBaseUrl: d => "https://" + d + "/api",
            BirthdaySync: true, LineIdLinking: false, LicenseExpiry: false, SubscriptionAppTags: false, LinkKey.Phone),
        new(CartKind.Repeatst,
            "リピストにAPI連携をお申し込みください。アクセストークンが発行されます。",
            "カートドメイン", "リピストの管理画面のドメインです(http://○○/admin/ の○○)。", "shop.example.jp",
            [
                new(AccessToken, "アクセストークン", CartFieldType.Secret,
                    "リピストから発行されたアクセストークンです。「基本情報管理 > SHOPマスタ > 外部連携 > データアシスタントAPI」でECAIのIPアドレスを許可してください。"),
            ],
            CartAuthFlow.Credentials, AsksApiDomain: false, DefaultApiBaseUrl: d => "https://" + d,
            BirthdaySync: true, LineIdLinking: false, LicenseExpiry: false, SubscriptionAppTags: false, LinkKey.Phone),
        new(CartKind.SubscStore,
            "テモナ社(subsc-store@temona.co.jp)に「API連携オプションお申込書」を送ってください。2〜3営業日でアプリケーションIDとシークレットキーが発行されます。",
            "カートドメイン", "サブスクストアのショップのドメインです。", "shop.example.jp",
            [
                new(ApplicationId, "アプリケーションID", CartFieldType.Text, "テモナ社から発行されたアプリケーションIDです(API連携オプションのお申込み後に届きます)。"),
                new(SecretKey, "シークレットキー", CartFieldType.Secret, "アプリケーションIDと一緒に発行されたシークレットキーです。"),
            ],
            CartAuthFlow.Credentials, AsksApiDomain: false, DefaultApiBaseUrl: d => "https://" + d,
            BirthdaySync: true, LineIdLinking: false, LicenseExpiry: false, SubscriptionAppTags: false, LinkKey.Phone),
    ];

    public static CartSpec Of(CartKind kind) => All.First(s => s.Kind == kind);

    /// <summary>Pull frequencies an operator may choose (minutes), the seed's カート連携頻度.</summary>
    public static IReadOnlyList<int> PullIntervals { get; } = [15, 30, 60, 180, 360, 720, 1440];

    public const int DefaultPullIntervalMinutes = 60;
}
