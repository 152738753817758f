namespace Ecai.Integrations.Carts.Repeatst.Sandbox;

/// <summary>Shape of a sandbox リピスト shop. The same options always produce the same records.</summary>
public sealed class RepeatstStoreOptions
{
    public int Seed { get; set; } = 20261128;
    public int Customers { get; set; } = 1_000;
    public int Orders { get; set; } = 2_500;

    /// <summary>updated_at of the first generated record; the last one is <see cref="Start"/> + <see cref="Span"/>.</summary>
    public DateTimeOffset Start { get; set; } = new(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));

    public TimeSpan Span { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Share of customers (with orders) that hold a 定期, in percent.</summary>
    public int SubscriberPercent { get; set; } = 40;

    /// <summary>The access token リピスト issued to ECAI (the one credential).</summary>
    public string AccessToken { get; set; } = "rpst_sandbox_token";

    /// <summary>
    /// Another cart's customer phone by index (e.g. the ecforce sandbox's CustomerPhone): customer i takes
    /// SharedPhone(i), re-typed in another style, with probability <see cref="SharedPhoneShare"/>.
    /// </summary>
    public Func<int, string?>? SharedPhone { get; set; }

    public double SharedPhoneShare { get; set; } = 0.3;

    /// <summary>Clock for changes made after start-up.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
