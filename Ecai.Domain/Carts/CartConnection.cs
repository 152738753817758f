namespace Ecai.Domain.Carts;

/// <summary>A bot's connection to one cart. Secrets live only in <see cref="ProtectedSecrets"/>.</summary>
public sealed class CartConnection : Data.IVersioned
{
    public int Id { get; set; }
    public int BotId { get; set; }
    public CartKind Kind { get; set; }
    /// <summary>Normalised cart domain (no scheme, no www., no /admin/).</summary>
    public required string CartDomain { get; set; }
    /// <summary>Base URL the connector calls (https://api-domain or a sandbox URL).</summary>
    public required string ApiBaseUrl { get; set; }
    /// <summary>Login e-mail, password and any cached token, encrypted with Data Protection.</summary>
    public required string ProtectedSecrets { get; set; }
    public bool BirthdaySync { get; set; }
    public bool LineIdLinking { get; set; }
    /// <summary>
    /// 初回取込のメッセージ: false (the default) keeps the members the first import links (the cart's history) out of the
    /// steps its links and tag rules trigger, so only members linked from then on enter; true lets every historical match enter.
    /// </summary>
    public bool FirstImportToEveryone { get; set; }
    /// <summary>Rakuten: the day the licenseKey expires (90 days after issue); warned 14 days before.</summary>
    public DateOnly? LicenseExpiresOn { get; set; }
    /// <summary>Shopify: when the subscription app's tag setting was turned on (null: not used).</summary>
    public DateTimeOffset? SubscriptionTagsSince { get; set; }
    /// <summary>カート連携頻度: minutes between scheduled pulls.</summary>
    public int PullIntervalMinutes { get; set; } = CartSpec.DefaultPullIntervalMinutes;
    /// <summary>When the scheduler pulls next (null: at its next tick).</summary>
    public DateTimeOffset? NextPullAt { get; set; }
    public ConnectionState State { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Row version (<see cref="Data.IVersioned"/>): an edit form keeps the one it loaded. Counts what an operator sets (credentials, licence date,
    /// options); not the cart's bookkeeping (tokens it issues, the API address demo mode points at, state, error, cursors, figures, next pull), which is written
    /// set-wise and no form edits.
    /// </summary>
    public int Version { get; set; }
    public DateTimeOffset? LastPulledAt { get; set; }
    public long LastPullCustomers { get; set; }
    public long LastPullOrders { get; set; }
    public long LastPullSkipped { get; set; }
    public string? LastSkippedSample { get; set; }
    public string? CustomerCursor { get; set; }
    public string? OrderCursor { get; set; }
    public string? SubscriptionCursor { get; set; }
    public string? CheckoutCursor { get; set; }
}
