using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ecai.Integrations.Carts.Rakuten;
using Ecai.Integrations.Carts.Rakuten.Sandbox;
using Ecai.Integrations.Carts.Shared.Sandbox;

namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>The sandbox speaks RMS: raw requests, as any client would send them.</summary>
public sealed class RakutenSandboxTests : IAsyncLifetime
{
    private SandboxServer<RakutenStore> _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await RakutenSandbox.StartAsync(new RakutenStore(new RakutenStoreOptions
    {
        Seed = 3, Customers = 100, Orders = 500, ServiceSecret = "secret", LicenseKey = "license",
    }));

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json, string? esa = "secret:license")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.BaseUrl + path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (esa is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ESA", Convert.ToBase64String(Encoding.UTF8.GetBytes(esa)));
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Search(DateTimeOffset from, DateTimeOffset to, int records = 1000, int page = 1) => $$$"""
        {"dateType":1,"startDatetime":"{{{RakutenTime.ToWire(from)}}}","endDatetime":"{{{RakutenTime.ToWire(to)}}}",
         "PaginationRequestModel":{"requestRecordsAmount":{{{records}}},"requestPage":{{{page}}},"SortModelList":[{"sortColumn":1,"sortDirection":1}]}}
        """;

    private static (string Type, string Message) FirstMessage(JsonElement body)
    {
        var m = body.GetProperty("MessageModelList")[0];
        return (m.GetProperty("messageType").GetString()!, m.GetProperty("message").GetString()!);
    }

    [Fact]
    public async Task Search_pages_through_a_window()
    {
        var now = DateTimeOffset.UtcNow;

        var (status, body) = await PostAsync("/es/2.0/order/searchOrder/", Search(now.AddDays(-60), now, records: 30, page: 2));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("INFO", FirstMessage(body).Type);
        var total = body.GetProperty("PaginationResponseModel").GetProperty("totalRecordsAmount").GetInt32();
        Assert.InRange(total, 31, 60); // 500 orders over 700 days: about 43 in 60 days
        Assert.Equal((total + 29) / 30, body.GetProperty("PaginationResponseModel").GetProperty("totalPages").GetInt32());
        Assert.Equal(total - 30, body.GetProperty("orderNumberList").GetArrayLength());
        Assert.All(body.GetProperty("orderNumberList").EnumerateArray(), n => Assert.Matches(@"^123456-\d{8}-\d{8}$", n.GetString()));
    }

    [Fact]
    public async Task Search_refuses_a_window_longer_than_63_days_with_an_error_in_200()
    {
        var now = DateTimeOffset.UtcNow;

        var (status, body) = await PostAsync("/es/2.0/order/searchOrder/", Search(now.AddDays(-64), now));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("ERROR", "検索期間は63日以内で指定してください。"), FirstMessage(body));
        Assert.False(body.TryGetProperty("orderNumberList", out _));
    }

    [Fact]
    public async Task Search_refuses_a_start_older_than_730_days()
    {
        var now = DateTimeOffset.UtcNow;

        var (status, body) = await PostAsync("/es/2.0/order/searchOrder/", Search(now.AddDays(-731), now.AddDays(-700)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("ERROR", "startDatetime は730日前以降を指定してください。"), FirstMessage(body));
    }

    [Fact]
    public async Task Search_refuses_more_than_1000_records_a_page()
    {
        var now = DateTimeOffset.UtcNow;

        var (_, body) = await PostAsync("/es/2.0/order/searchOrder/", Search(now.AddDays(-10), now, records: 1001));

        Assert.Equal("ERROR", FirstMessage(body).Type);
    }

    [Fact]
    public async Task Get_order_refuses_more_than_100_numbers()
    {
        var numbers = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"{_server.Store.OrderNumber(i)}\""));

        var (status, body) = await PostAsync("/es/2.0/order/getOrder/", $$"""{"orderNumberList":[{{numbers}}],"version":7}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("ERROR", "orderNumberList は100件以内で指定してください。"), FirstMessage(body));
    }

    [Fact]
    public async Task Get_order_returns_order_models_and_an_error_per_unknown_number()
    {
        var known = _server.Store.OrderNumber(499);

        var (_, body) = await PostAsync("/es/2.0/order/getOrder/", $$"""{"orderNumberList":["{{known}}","123456-20200101-99999999"],"version":"7"}""");

        var order = Assert.Single(body.GetProperty("OrderModelList").EnumerateArray());
        Assert.Equal(known, order.GetProperty("orderNumber").GetString());
        Assert.EndsWith("@pc.fw.rakuten.ne.jp", order.GetProperty("OrdererModel").GetProperty("emailAddress").GetString());
        Assert.True(order.GetProperty("PackageModelList")[0].GetProperty("ItemModelList").GetArrayLength() > 0);
        var error = body.GetProperty("MessageModelList").EnumerateArray().Single(m => m.GetProperty("messageType").GetString() == "ERROR");
        Assert.Equal("123456-20200101-99999999", error.GetProperty("orderNumber").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("secret:wrong")]
    [InlineData("license:secret")]
    public async Task Wrong_or_missing_esa_is_401_with_an_error_message(string? esa)
    {
        var now = DateTimeOffset.UtcNow;

        var (status, body) = await PostAsync("/es/2.0/order/searchOrder/", Search(now.AddDays(-1), now), esa);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("ERROR", FirstMessage(body).Type);
    }

    [Fact]
    public async Task Store_has_every_kind_of_order_rms_reports()
    {
        var rows = Enumerable.Range(1, _server.Store.OrderCount).Select(i => _server.Store.Order(i)!).ToList();

        Assert.Contains(rows, o => o.OrderType == 4 && o.ReserveNumber is not null && o.ReserveDeliveryCount is not null);
        Assert.Contains(rows, o => o.Progress == 900);
        Assert.Contains(rows, o => o.ShippedOn is not null);
        Assert.Contains(rows, o => o.Total == -9999);
        Assert.Equal(rows.OrderBy(o => o.OrderedAt).Select(o => o.Seq), rows.Select(o => o.Seq)); // 注文日 order
        var customers = Enumerable.Range(0, _server.Store.CustomerCount).Select(_server.Store.Customer).ToList();
        Assert.Contains(customers, c => c.Phone1 is not null && c.Phone2 is not null && c.Phone3 is null);
        Assert.Contains(customers, c => c.Phone1 is { Length: 11 } && c.Phone2 is null);
        Assert.Equal(customers.Count, customers.Select(c => c.Email).Distinct().Count());
    }

    [Fact]
    public async Task Shared_phones_are_retyped_rms_style()
    {
        var store = new RakutenStore(new RakutenStoreOptions
        {
            Customers = 200, Orders = 10, SharedPhone = i => $"０９０－{1000 + i}－５６７８", SharedPhoneShare = 0.3,
        });

        var shared = Enumerable.Range(0, 200).Count(i => Ecai.Domain.Linking.PhoneNormalizer.Normalize(store.CustomerPhone(i)) == $"+8190{1000 + i}5678");

        Assert.InRange(shared, 40, 80);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Faults_can_be_set_over_http()
    {
        using var response = await _http.PostAsync(_server.BaseUrl + "/_faults",
            new StringContent("""{"license_expired":true,"throttled":true}""", Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.True(body.GetProperty("license_expired").GetBoolean());
        Assert.True(_server.Store.Faults.LicenseExpired);
        Assert.True(_server.Store.Faults.Throttled);
        var now = DateTimeOffset.UtcNow;
        var (status, answer) = await PostAsync("/es/2.0/order/searchOrder/", Search(now.AddDays(-1), now));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(("ERROR", "licenseKeyの有効期限が切れています。"), FirstMessage(answer));
    }
}
