namespace Ecai.Integrations.Carts.Rakuraku.Sandbox;

/// <summary>Shape of a sandbox 楽楽リピート shop. The same options always produce the same records.</summary>
public sealed class RakurakuStoreOptions
{
    public int Seed { get; set; } = 20261128;
    public int Customers { get; set; } = 1_000;
    public int Orders { get; set; } = 2_500;

    /// <summary>updated_at of the first generated order; the last one is <see cref="Start"/> + <see cref="Span"/>.</summary>
    public DateTimeOffset Start { get; set; } = new(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));

    public TimeSpan Span { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Share of ordering customers that hold a subscription (定期), in percent.</summary>
    public int SubscriberPercent { get; set; } = 35;

    /// <summary>
    /// Another cart's customer phone for customer i (or null); <see cref="SharedPhoneShare"/> of the customers take it,
    /// re-typed in another style, so one LINE member links to several carts (demo).
    /// </summary>
    public Func<int, string?>? SharedPhone { get; set; }

    public double SharedPhoneShare { get; set; } = 0.3;

    public string ShopName { get; set; } = "楽楽サンプルショップ";
    public string AppName { get; set; } = "ECAI";

    /// <summary>The app registered under 基本設定 > 外部アプリ連携 [C].</summary>
    public string ClientId { get; set; } = "rr-ecai-client";
    public string ClientSecret { get; set; } = "rr-ecai-secret";

    /// <summary>Registered redirect URLs; empty accepts any http(s) URL (sandbox convenience).</summary>
    public IList<string> RedirectUris { get; set; } = [];

    /// <summary>Life of an access token [I]; tests shorten it.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The gap the throttle enforces between two requests when <see cref="RakurakuFaults.Throttled"/> is on: 1 rps [C].</summary>
    public TimeSpan ThrottleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Clock for tokens, codes and changes made after start-up.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
