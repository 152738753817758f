using System.Text.RegularExpressions;
using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuraku;
using Ecai.Integrations.Carts.Rakuraku.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Tests.Integrations.Shared;

namespace Ecai.Tests.Integrations.Rakuraku;

/// <summary>
/// A sandbox shop on 127.0.0.1 plus the connector wired as in the app (AddRakurakuCart), with retries shortened
/// and the pacing raised to 50 requests per second so tests are quick. One per test, so faults and counters never leak.
/// </summary>
internal sealed partial class RakurakuTestHost : CartTestHost<RakurakuStore>
{
    public const string RedirectUri = "https://ecai.example.jp/cartauth/callback";

    private RakurakuTestHost(SandboxServer<RakurakuStore> server, ServiceProvider services)
        : base(server, services)
    {
    }

    public RecordingTokenStore Tokens { get; } = new();
    public RakurakuCartClientFactory Factory => (RakurakuCartClientFactory)Services.GetServices<ICartClientFactory>().Single(f => f.Supports(CartKind.RakurakuRepeat));

    public static async Task<RakurakuTestHost> StartAsync(int customers = 400, int orders = 1_234,
        Action<RakurakuOptions>? configure = null, Action<RakurakuStoreOptions>? shop = null)
    {
        var storeOptions = new RakurakuStoreOptions { Seed = 5, Customers = customers, Orders = orders, RedirectUris = [RedirectUri] };
        shop?.Invoke(storeOptions);
        var server = await RakurakuSandbox.StartAsync(new RakurakuStore(storeOptions));
        var services = Connector<RakurakuOptions>(s => s.AddRakurakuCart(), o =>
        {
            o.RequestsPerSecond = 50;
            o.PacingMargin = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        return new RakurakuTestHost(server, services);
    }

    public CartEndpoint Endpoint(CartToken? token, string? clientSecret = null, string? apiBaseUrl = null) =>
        new(42, CartKind.RakurakuRepeat, "shop.example.jp", apiBaseUrl ?? Server.ApiBaseUrl,
            new CartSecrets(new Dictionary<string, string>
            {
                [CartSpec.ClientId] = Store.Options.ClientId,
                [CartSpec.ClientSecret] = clientSecret ?? Store.Options.ClientSecret,
            }, token), Tokens, DateTimeOffset.UtcNow);

    /// <summary>Tokens as the shop's approval would give them, valid for an hour.</summary>
    public CartToken ApprovedToken()
    {
        var (access, refresh, lifetime) = Store.IssueTokens();
        return new CartToken(access, refresh, DateTimeOffset.UtcNow + lifetime);
    }

    /// <summary>A client as CartSync would build it, by default with a fresh approved token.</summary>
    public ICartClient Client(CartToken? token = null) => Factory.Create(Endpoint(token ?? ApprovedToken()));

    /// <summary>Opens the consent page of <paramref name="authorizeUrl"/> and presses 許可する or 許可しない; returns where it redirects.</summary>
    public static async Task<Uri> DecideAsync(HttpClient browser, Uri authorizeUrl, bool allow)
    {
        var page = await browser.GetStringAsync(authorizeUrl);
        Assert.Contains("ECAIとの連携を許可しますか?", page);
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["decision"] = allow ? "allow" : "deny";
        using var response = await browser.PostAsync(authorizeUrl.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(fields));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    public static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false });

    public static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    [GeneratedRegex("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}

/// <summary>Keeps the tokens the connector asks to save, as the real store does per connection.</summary>
internal sealed class RecordingTokenStore : ICartTokenStore
{
    private readonly List<CartToken> _saved = [];

    public IReadOnlyList<CartToken> Saved
    {
        get { lock (_saved) return [.. _saved]; }
    }

    public Task SaveTokenAsync(int connectionId, CartToken token, CancellationToken ct)
    {
        Assert.Equal(42, connectionId);
        lock (_saved) _saved.Add(token);
        return Task.CompletedTask;
    }
}
