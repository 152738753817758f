namespace Ecai.Integrations.Carts.Ecforce.Sandbox;

/// <summary>Shape of a sandbox shop. The same options always produce the same records.</summary>
public sealed class EcforceStoreOptions
{
    public int Seed { get; set; } = 20261128;
    public int Customers { get; set; } = 1_000;
    public int Orders { get; set; } = 2_500;

    /// <summary>updated_at of the first generated record; the last one is <see cref="Start"/> + <see cref="Span"/>.</summary>
    public DateTimeOffset Start { get; set; } = new(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));

    public TimeSpan Span { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Share of customers (with orders) that hold a subscription, in percent.</summary>
    public int SubscriberPercent { get; set; } = 35;

    public string AdminEmail { get; set; } = "admin@example.com";
    public string AdminPassword { get; set; } = "password";

    /// <summary>Clock for changes made after start-up and for the sign-in limit.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
