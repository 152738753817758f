using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecai.Domain.Linking;
using Ecai.Integrations.Carts.Ecforce;
using Ecai.Integrations.Carts.Ecforce.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Tests.Integrations.Ecforce;

/// <summary>The sandbox speaks ecforce: auth, paging, filters, faults; and its store is lazy and deterministic.</summary>
public sealed class EcforceSandboxTests : IAsyncLifetime
{
    private EcforceStore _store = null!;
    private SandboxServer<EcforceStore> _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _store = new EcforceStore(new EcforceStoreOptions { Seed = 11, Customers = 400, Orders = 900, AdminEmail = "admin@shop.example.jp", AdminPassword = "pw" });
        _server = await EcforceSandbox.StartAsync(_store);
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Store_is_a_pure_function_of_the_seed()
    {
        var twin = new EcforceStore(new EcforceStoreOptions { Seed = 11, Customers = 400, Orders = 900 });
        var other = new EcforceStore(new EcforceStoreOptions { Seed = 12, Customers = 400, Orders = 900 });

        var phones = Enumerable.Range(0, 400).Select(_store.CustomerPhone).ToList();
        Assert.Equal(phones, Enumerable.Range(0, 400).Select(twin.CustomerPhone));
        Assert.NotEqual(phones, Enumerable.Range(0, 400).Select(other.CustomerPhone));
        Assert.Equal(_store.SubscriptionCount, twin.SubscriptionCount);
    }

    [Fact]
    public void Store_has_customers_without_orders_and_phones_in_real_world_formats()
    {
        var withoutOrders = Enumerable.Range(0, 400).Count(i => !_store.CustomerHasOrders(i));
        Assert.InRange(withoutOrders, 30, 90); // about 15%

        var phones = Enumerable.Range(0, 400).Select(_store.CustomerPhone).ToList();
        Assert.Contains(phones, p => p is not null && System.Text.RegularExpressions.Regex.IsMatch(p, @"^0[789]0-\d{4}-\d{4}$"));
        Assert.Contains(phones, p => p is not null && System.Text.RegularExpressions.Regex.IsMatch(p, @"^0[789]0\d{8}$"));
        Assert.Contains(phones, p => p is not null && p.StartsWith('０'));
        Assert.Contains(phones, p => p is not null && p.StartsWith("+81 "));
        Assert.Contains(phones, p => p is not null && p.StartsWith("(03)"));
        Assert.Contains(phones, p => p is null);
        Assert.Contains(phones, p => p is not null && PhoneNormalizer.Normalize(p) is null);
        // Valid numbers never repeat, so linking by phone is unambiguous.
        var valid = phones.Select(PhoneNormalizer.Normalize).OfType<string>().ToList();
        Assert.Equal(valid.Count, valid.Distinct().Count());
    }

    [Fact]
    public void Store_of_a_million_orders_generates_nothing_up_front()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var big = new EcforceStore(new EcforceStoreOptions { Customers = 300_000, Orders = 1_000_000 });
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32_000_000);

        var (total, rows) = big.Orders.Query(big.GeneratedUntil.AddDays(-1), offset: 0, count: 100, descending: false);
        var page = rows.ToList();
        Assert.InRange(total, 2_000, 3_500); // one day of a year's million orders
        Assert.Equal(Enumerable.Range(1_000_000 - total + 1, 100).Select(i => (long)i), page.Select(o => o.Id));
    }

    [Fact]
    public async Task Lists_without_a_valid_token_are_401_with_the_error_envelope()
    {
        using var response = await _http.GetAsync("/api/v2/admin/orders.json");
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token token=\"not-a-token\"");
        using var wrong = await _http.GetAsync("/api/v2/admin/orders.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Sign_in_issues_a_32_character_token_and_allows_five_per_hour()
    {
        var statuses = new List<HttpStatusCode>();
        string? token = null;
        for (var i = 0; i < 6; i++)
        {
            using var response = await _http.PostAsJsonAsync("/api/v2/admins/sign_in.json", new { admin = new { email = "admin@shop.example.jp", password = "pw" } });
            statuses.Add(response.StatusCode);
            if (response.IsSuccessStatusCode) token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authentication_token").GetString();
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(32, token!.Length);
        Assert.Equal(token, EcforceSandbox.ReadToken($"Token token=\"{token}\""));
    }

    [Fact]
    public async Task Lists_page_with_meta_and_links_capping_per_at_100()
    {
        Authorize();

        using var body = await GetJsonAsync("/api/v2/admin/customers.json?page=2&per=250&include=billing_address");

        var meta = body.RootElement.GetProperty("meta");
        Assert.Equal((400, 2, 100, 100, 4), (meta.GetProperty("total_count").GetInt32(), meta.GetProperty("page").GetInt32(),
            meta.GetProperty("per").GetInt32(), meta.GetProperty("count").GetInt32(), meta.GetProperty("total_pages").GetInt32()));
        var first = body.RootElement.GetProperty("data")[0];
        Assert.Equal(("101", "customer"), (first.GetProperty("id").GetString(), first.GetProperty("type").GetString()));
        Assert.Equal(101, first.GetProperty("attributes").GetProperty("id").GetInt32());
        Assert.Matches(@"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}$", first.GetProperty("attributes").GetProperty("updated_at").GetString());
        Assert.Equal(100, body.RootElement.GetProperty("included").GetArrayLength());
        Assert.EndsWith("page=3&per=100", body.RootElement.GetProperty("links").GetProperty("next").GetString());
        Assert.StartsWith(_server.BaseUrl, body.RootElement.GetProperty("links").GetProperty("next").GetString());
    }

    [Fact]
    public async Task Updated_at_filter_and_sort_select_the_newest_records()
    {
        Authorize();
        var since = _store.Orders.Query(null, 850, 1, false).Rows.Single().UpdatedAt;

        using var ascending = await GetJsonAsync($"/api/v2/admin/orders.json?per=100&sort=updated_at&q[updated_at_gteq]={Uri.EscapeDataString(EcforceTime.ToQuery(since))}");
        using var descending = await GetJsonAsync("/api/v2/admin/orders.json?per=1&sort=-updated_at");
        using var unsupported = await _http.GetAsync("/api/v2/admin/orders.json?q[email_cont]=a");

        var ids = ascending.RootElement.GetProperty("data").EnumerateArray().Select(d => int.Parse(d.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(851, ids[0]);
        Assert.Equal(900, ids[^1]);
        Assert.Equal("900", descending.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
    }

    [Fact]
    public async Task Changes_move_a_record_behind_everything_else()
    {
        Authorize();
        _store.TouchCustomer(0, email: "new@example.jp");
        var added = _store.AddCustomer("新規", "花子", "080-1111-2222");

        using var changed = await GetJsonAsync(
            $"/api/v2/admin/customers.json?include=billing_address&q[updated_at_gteq]={Uri.EscapeDataString(EcforceTime.ToQuery(_store.GeneratedUntil))}");
        using var first = await GetJsonAsync("/api/v2/admin/customers.json?per=1");

        var data = changed.RootElement.GetProperty("data");
        Assert.Equal(["1", EcforceStore.CustomerId(added)], data.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("new@example.jp", data[0].GetProperty("attributes").GetProperty("email").GetString());
        Assert.Equal("080", changed.RootElement.GetProperty("included")[1].GetProperty("attributes").GetProperty("tel01").GetString());
        Assert.Equal("2", first.RootElement.GetProperty("data")[0].GetProperty("id").GetString()); // no longer first
        Assert.Equal(401, first.RootElement.GetProperty("meta").GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task Faults_can_be_switched_over_http()
    {
        Authorize();
        using var set = await _http.PostAsJsonAsync("/_faults", new { next500 = 1, malformed_order_every = 10 });

        using var failed = await _http.GetAsync("/api/v2/admin/orders.json");
        using var body = await GetJsonAsync("/api/v2/admin/orders.json?per=10");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(10, _store.Faults.MalformedOrderEvery);
        var tenth = body.RootElement.GetProperty("data")[9].GetProperty("attributes");
        Assert.False(EcforceTime.TryParse(tenth.GetProperty("completed_at").GetString(), out _));
    }

    private void Authorize() =>
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Token token=\"{_store.IssueToken()}\"");

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
