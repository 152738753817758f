using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Repeatst.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Tests.Integrations.Repeatst;

/// <summary>The sandbox itself: determinism, shared phones, the fault endpoint, parameter checks.</summary>
public sealed class RepeatstSandboxTests
{
    [Fact]
    public void Same_options_give_the_same_shop_and_about_one_in_ten_customers_never_orders()
    {
        var a = new RepeatstStore(new RepeatstStoreOptions { Seed = 3, Customers = 2_000, Orders = 5_000 });
        var b = new RepeatstStore(new RepeatstStoreOptions { Seed = 3, Customers = 2_000, Orders = 5_000 });

        Assert.Equal(Enumerable.Range(0, 2_000).Select(a.CustomerPhone), Enumerable.Range(0, 2_000).Select(b.CustomerPhone));
        Assert.InRange(Enumerable.Range(0, 2_000).Count(i => !a.CustomerHasOrders(i)), 140, 260);
    }

    [Fact]
    public void Shared_phone_reuses_another_carts_numbers_retyped_in_another_style()
    {
        static string Other(int i) => $"090-5555-{i:D4}";
        var store = new RepeatstStore(new RepeatstStoreOptions { Seed = 5, Customers = 1_000, Orders = 1_000, SharedPhone = Other });

        var shared = Enumerable.Range(0, 1_000).Where(i => PhoneNormalizer.Normalize(store.CustomerPhone(i)) == PhoneNormalizer.Normalize(Other(i))).ToList();
        Assert.InRange(shared.Count, 240, 360); // SharedPhoneShare 0.3
        Assert.Contains(shared, i => store.CustomerPhone(i) != Other(i)); // re-typed, not copied
        Assert.Contains(shared, i => store.CustomerPhone(i)!.StartsWith("+81"));
    }

    [Fact]
    public async Task Faults_can_be_set_over_http_and_bad_parameters_are_400()
    {
        await using var server = await RepeatstSandbox.StartAsync(new RepeatstStore(new RepeatstStoreOptions { Customers = 10, Orders = 10 }));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", new RepeatstStoreOptions().AccessToken);

        using var set = await http.PostAsync("/_faults", new StringContent("""{"ip_not_allowed": true, "malformed_order_every": 3}""", Encoding.UTF8, "application/json"));
        using var blocked = await http.GetAsync("/data_assistant/api/v1/orders.json");
        server.Store.Faults.IpNotAllowed = false;
        using var badParameter = await http.GetAsync("/data_assistant/api/v1/orders.json?sort=id");
        using var ok = await http.GetAsync("/data_assistant/api/v1/orders.json?limit=5&page=2");

        Assert.Equal(3, server.Store.Faults.MalformedOrderEvery);
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badParameter.StatusCode);
        using var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal(5, body.RootElement.GetProperty("orders").GetArrayLength());
        Assert.False(body.RootElement.GetProperty("has_next").GetBoolean());
        Assert.Equal("6", body.RootElement.GetProperty("orders")[0].GetProperty("order_id").GetRawText());
    }
}
