namespace Ecai.Integrations.Carts.SubscStore.Sandbox;

/// <summary>Shape of a sandbox サブスクストア shop. The same options always produce the same records.</summary>
public sealed class SubscStoreStoreOptions
{
    public int Seed { get; set; } = 20261128;
    public int Customers { get; set; } = 1_000;
    public int Orders { get; set; } = 2_500;

    /// <summary>updatedAt of the first generated record; the last one is <see cref="Start"/> + <see cref="Span"/>.</summary>
    public DateTimeOffset Start { get; set; } = new(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));

    public TimeSpan Span { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Share of customers (with orders) that hold a subscription, in percent.</summary>
    public int SubscriberPercent { get; set; } = 45;

    /// <summary>The アプリケーションID and シークレットキー Temona issued to ECAI.</summary>
    public string ApplicationId { get; set; } = "ecai-sandbox";

    public string SecretKey { get; set; } = "ss_sandbox_secret";

    /// <summary>How long an access token lasts [I].</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Another cart's customer phone by index: customer i takes SharedPhone(i), re-typed in another
    /// style, with probability <see cref="SharedPhoneShare"/>.
    /// </summary>
    public Func<int, string?>? SharedPhone { get; set; }

    public double SharedPhoneShare { get; set; } = 0.3;

    /// <summary>Clock for changes after start-up and for token expiry.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
