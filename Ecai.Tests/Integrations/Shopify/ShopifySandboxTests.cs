using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Carts.Shopify;
using Ecai.Integrations.Carts.Shopify.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Ecai.Tests.Integrations.Shopify;

/// <summary>The sandbox speaks Shopify's wire shape: token check, versions, limits, Link paging, the bucket header, webhooks.</summary>
public sealed class ShopifySandboxTests : IAsyncLifetime
{
    private SandboxServer<ShopifyStore> _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await ShopifySandbox.StartAsync(new ShopifyStore(new ShopifyStoreOptions { Seed = 3, Customers = 30, Orders = 60, Checkouts = 5 }));
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        _http.DefaultRequestHeaders.Add("X-Shopify-Access-Token", _server.Store.Options.AccessToken);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Wrong_token_is_401_with_shopifys_message()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/2025-01/orders.json");
        request.Headers.Add("X-Shopify-Access-Token", "shpat_nope");
        using var anonymous = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/admin/api/2024-10/orders.json?limit=10", HttpStatusCode.OK)]
    [InlineData("/admin/api/latest/orders.json", HttpStatusCode.NotFound)]
    [InlineData("/admin/api/2025-01/orders.json?limit=251", HttpStatusCode.BadRequest)]
    [InlineData("/admin/api/2025-01/orders.json?page_info=abc&status=any", HttpStatusCode.BadRequest)]
    [InlineData("/admin/api/2025-01/orders.json?status=whatever", HttpStatusCode.BadRequest)]
    public async Task Paths_versions_and_parameters_are_checked(string url, HttpStatusCode expected)
    {
        using var response = await _http.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Link_paging_reuses_page_info_verbatim_and_the_last_page_has_no_next_link()
    {
        var ids = new List<long>();
        string? url = "/admin/api/2025-01/customers.json?limit=7";
        var pages = 0;
        while (url is not null)
        {
            using var response = await _http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(json.RootElement.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
            pages++;
            url = ShopifyCartClient.NextPageInfo(response) is { } info ? $"/admin/api/2025-01/customers.json?limit=7&page_info={Uri.EscapeDataString(info)}" : null;
        }

        Assert.Equal(5, pages); // 30 customers at 7 per page
        Assert.Equal(Enumerable.Range(0, 30).Select(i => long.Parse(ShopifyStore.CustomerId(i))), ids);
    }

    [Fact]
    public async Task Orders_default_to_open_status_any_includes_cancelled()
    {
        async Task<int> CountAsync(string query)
        {
            using var json = JsonDocument.Parse(await _http.GetStringAsync($"/admin/api/2025-01/orders.json?limit=250{query}"));
            return json.RootElement.GetProperty("orders").GetArrayLength();
        }
        var cancelled = Enumerable.Range(0, 60).Count(i => _server.Store.OrderFacts(i).Cancelled);

        Assert.True(cancelled > 0);
        Assert.Equal(60 - cancelled, await CountAsync(""));
        Assert.Equal(60, await CountAsync("&status=any"));
        Assert.Equal(cancelled, await CountAsync("&status=cancelled"));
    }

    [Fact]
    public async Task Throttled_reports_the_call_limit_and_overflow_is_429_with_retry_after()
    {
        _server.Store.Faults.Throttled = true;
        _server.Store.Faults.BucketSize = 3;
        _server.Store.Faults.LeakPerSecond = 0.001;

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) answers.Add(await _http.GetAsync("/admin/api/2025-01/checkouts.json"));

        Assert.Equal(["1/3", "2/3", "3/3"], answers.Take(3).Select(a => a.Headers.GetValues("X-Shopify-Shop-Api-Call-Limit").Single()));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.Equal("2.0", answers[3].Headers.NonValidated["Retry-After"].ToString());
        Assert.Equal(1, _server.Store.Faults.BucketOverflows);
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Search_by_email_finds_the_customer()
    {
        var email = Enumerable.Range(0, 30).Select(_server.Store.CustomerEmail).OfType<string>().First();

        using var json = JsonDocument.Parse(await _http.GetStringAsync($"/admin/api/2025-01/customers/search.json?query=email:{Uri.EscapeDataString(email.ToUpperInvariant())}"));

        Assert.Equal(email, json.RootElement.GetProperty("customers").EnumerateArray().Single().GetProperty("email").GetString());
    }

    [Fact]
    public async Task Faults_endpoint_sets_switches()
    {
        using var response = await _http.PostAsJsonAsync("/_faults", new { next500 = 1, malformed_order_every = 9, throttled = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(9, _server.Store.Faults.MalformedOrderEvery);
        Assert.True(_server.Store.Faults.Throttled);
        using var failing = await _http.GetAsync("/admin/api/2025-01/orders.json");
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
    }

    [Fact]
    public async Task Webhook_delivery_is_signed_with_the_api_secret()
    {
        var received = new TaskCompletionSource<(string? Hmac, string? Topic, string? Id, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.TrySetResult((http.Request.Headers[ShopifyWebhooks.HmacHeader], http.Request.Headers[ShopifyWebhooks.TopicHeader],
                http.Request.Headers[ShopifyWebhooks.WebhookIdHeader], body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        var hook = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        using var response = await _http.PostAsJsonAsync("/_webhooks/deliver", new { url = hook, topic = "orders/create", index = 2, webhook_id = "wh-77" });
        var (hmac, topic, id, body) = await received.Task;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("orders/create", "wh-77"), (topic, id));
        Assert.True(ShopifyWebhooks.IsAuthentic(body, hmac, _server.Store.Options.ApiSecret));
        using var order = JsonDocument.Parse(body);
        Assert.Equal(5_600_000_003L, order.RootElement.GetProperty("id").GetInt64());
        await receiver.StopAsync();
    }
}
