using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Rakuraku.Sandbox;

namespace Ecai.Tests.Integrations.Rakuraku;

/// <summary>The sandbox itself: the consent page, the data it generates, and its switches.</summary>
public sealed class RakurakuSandboxTests
{
    [Fact]
    public async Task Consent_page_is_japanese_names_shop_and_app_and_rejects_an_unknown_client()
    {
        await using var host = await RakurakuTestHost.StartAsync(customers: 10, orders: 10);
        using var http = RakurakuTestHost.Browser();
        var authorize = host.Server.ApiBaseUrl + "/oauth/authorize.php?response_type=code&state=x&redirect_uri=" + Uri.EscapeDataString(RakurakuTestHost.RedirectUri);

        var page = await http.GetStringAsync(authorize + "&client_id=" + host.Store.Options.ClientId);
        using var unknown = await http.GetAsync(authorize + "&client_id=someone-else");

        Assert.Contains("楽楽サンプルショップ", page);
        Assert.Contains("「ECAI」", page);
        Assert.Contains("ECAIとの連携を許可しますか?", page);
        Assert.Contains(">許可する</button>", page);
        Assert.Contains(">許可しない</button>", page);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("クライアントIDが正しくありません", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Same_options_same_shop_and_about_a_tenth_of_customers_never_order()
    {
        var a = new RakurakuStore(new RakurakuStoreOptions { Seed = 3, Customers = 1_000, Orders = 3_000 });
        var b = new RakurakuStore(new RakurakuStoreOptions { Seed = 3, Customers = 1_000, Orders = 3_000 });

        Assert.Equal(Enumerable.Range(0, 1_000).Select(a.CustomerPhone), Enumerable.Range(0, 1_000).Select(b.CustomerPhone));
        var withoutOrders = Enumerable.Range(0, 1_000).Count(i => !a.CustomerHasOrders(i));
        Assert.InRange(withoutOrders, 60, 140);
        // Mixed formats: hyphens, none, full-width, +81, landlines, and some that never normalise.
        var phones = Enumerable.Range(0, 1_000).Select(a.CustomerPhone).ToList();
        Assert.Contains(phones, p => p is not null && p.Contains('－'));
        Assert.Contains(phones, p => p is not null && p.StartsWith("+81"));
        Assert.Contains(phones, p => p is null);
        Assert.Contains(phones, p => p is not null && PhoneNormalizer.Normalize(p) is null);
    }

    [Fact]
    public void Shared_phones_are_another_carts_numbers_retyped_in_another_style()
    {
        static string Other(int i) => $"090-5555-{i:D4}";
        var store = new RakurakuStore(new RakurakuStoreOptions { Seed = 4, Customers = 1_000, Orders = 2_000, SharedPhone = Other });

        var shared = Enumerable.Range(0, 1_000)
            .Where(i => PhoneNormalizer.Normalize(store.CustomerPhone(i)) == PhoneNormalizer.Normalize(Other(i))).ToList();

        Assert.InRange(shared.Count, 240, 360); // SharedPhoneShare 0.3
        Assert.Contains(shared, i => store.CustomerPhone(i) != Other(i)); // re-typed, not copied
    }

    [Fact]
    public async Task Fault_switches_are_set_and_read_over_http()
    {
        await using var host = await RakurakuTestHost.StartAsync(customers: 10, orders: 10);
        using var http = new HttpClient();

        using var set = await http.PostAsJsonAsync(host.Server.BaseUrl + "/_faults", new { throttled = true, next500 = 2, malformed_order_every = 7 });
        var state = await http.GetFromJsonAsync<JsonElement>(host.Server.BaseUrl + "/_faults");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.True(state.GetProperty("throttled").GetBoolean());
        Assert.Equal(7, state.GetProperty("malformed_order_every").GetInt32());
        Assert.True(host.Store.Faults.Throttled);
        Assert.Equal(7, host.Store.Faults.MalformedOrderEvery);
    }

    [Fact]
    public async Task Search_without_a_bearer_token_is_401()
    {
        await using var host = await RakurakuTestHost.StartAsync(customers: 10, orders: 10);
        using var http = new HttpClient();

        using var response = await http.GetAsync(host.Server.ApiBaseUrl + "/v1/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }
}
