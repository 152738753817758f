namespace Ecai.Integrations.Carts.Rakuten.Sandbox;

/// <summary>Shape of a sandbox RMS shop. The same options (and clock) always produce the same orders.</summary>
public sealed class RakutenStoreOptions
{
    public int Seed { get; set; } = 20261128;
    public int Customers { get; set; } = 1_000;
    public int Orders { get; set; } = 2_500;

    /// <summary>注文日時 of the first generated order; null: <see cref="Span"/> before the clock's now at start-up.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Generated orders are spread evenly over [Start, Start + Span).</summary>
    public TimeSpan Span { get; set; } = TimeSpan.FromDays(700);

    /// <summary>Share of ordering customers with a 定期購入 (orderType 4), in percent.</summary>
    public int SubscriberPercent { get; set; } = 30;

    /// <summary>The shop's number, the first part of its order numbers ("123456-20261128-00000001").</summary>
    public int ShopId { get; set; } = 123456;

    public string ServiceSecret { get; set; } = "SP123456_sandboxSecret";
    public string LicenseKey { get; set; } = "SL123456_sandboxLicense";

    /// <summary>
    /// Phones of another cart's customers: customer i takes SharedPhone(i) (re-typed RMS-style) for a
    /// <see cref="SharedPhoneShare"/> of customers, so one LINE member links to several carts in the demo.
    /// </summary>
    public Func<int, string?>? SharedPhone { get; set; }

    public double SharedPhoneShare { get; set; } = 0.3;

    /// <summary>Requests per second the throttle allows when <see cref="RakutenFaults.Throttled"/> is on (RMS: ~1 [I]).</summary>
    public double ThrottleRps { get; set; } = 1;

    /// <summary>"Now" for the 730-day search limit and for changes made after start-up.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
