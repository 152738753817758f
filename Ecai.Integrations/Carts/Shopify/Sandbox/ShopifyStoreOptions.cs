namespace Ecai.Integrations.Carts.Shopify.Sandbox;

/// <summary>Shape of a sandbox shop. The same options always produce the same records.</summary>
public sealed class ShopifyStoreOptions
{
    public int Seed { get; set; } = 20261128;
    public int Customers { get; set; } = 1_000;
    public int Orders { get; set; } = 2_500;
    public int Checkouts { get; set; } = 300;

    /// <summary>updated_at of the first generated record; the last one is <see cref="Start"/> + <see cref="Span"/>.</summary>
    public DateTimeOffset Start { get; set; } = new(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));

    public TimeSpan Span { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Share of ordering customers who subscribe through the subscription app, in percent.</summary>
    public int SubscriberPercent { get; set; } = 30;

    /// <summary>
    /// When the shop turned on the subscription app's tag setting: orders created from then on carry its
    /// tags. Null: half-way through the generated span.
    /// </summary>
    public DateTimeOffset? SubscriptionTagsSince { get; set; }

    /// <summary>The shop currency (ISO 4217); catalogue prices are read as its minor units (3300 = $33.00 for USD).</summary>
    public string Currency { get; set; } = "JPY";

    public string ShopDomain { get; set; } = "ecai-sandbox.myshopify.com";
    public string AccessToken { get; set; } = "shpat_sandbox0123456789abcdef0123456789ab";
    public string ApiSecret { get; set; } = "sandbox-api-secret";

    /// <summary>
    /// A phone of another cart's customer i (e.g. ecforce's CustomerPhone), or null. Customers taking it
    /// re-type it in another style, so one person shows up in several carts (the demo links them).
    /// </summary>
    public Func<int, string?>? SharedPhone { get; set; }

    /// <summary>Share of customers that take <see cref="SharedPhone"/>(i), 0–1.</summary>
    public double SharedPhoneShare { get; set; } = 0.3;

    /// <summary>Clock for changes made after start-up.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public override string ToString() => $"ShopifyStoreOptions(Seed={Seed}, Customers={Customers}, Orders={Orders}, ***)";
}
