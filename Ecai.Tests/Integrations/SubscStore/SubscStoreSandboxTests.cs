using System.Net;
using System.Text.Json;
using Ecai.Integrations.Carts.Shared.Sandbox;
using Ecai.Integrations.Carts.SubscStore;
using Ecai.Integrations.Carts.SubscStore.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecai.Tests.Integrations.SubscStore;

/// <summary>The sandbox's token endpoint and options binding.</summary>
public sealed class SubscStoreSandboxTests
{
    [Fact]
    public async Task Token_endpoint_issues_bearer_tokens_for_the_issued_credentials_only()
    {
        await using var server = await SubscStoreSandbox.StartAsync(new SubscStoreStore(new SubscStoreStoreOptions { Customers = 5, Orders = 5 }));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var defaults = new SubscStoreStoreOptions();

        using var ok = await http.PostAsync("/api/v1/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = defaults.ApplicationId, ["client_secret"] = defaults.SecretKey,
        }));
        using var wrong = await http.PostAsync("/api/v1/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = defaults.ApplicationId, ["client_secret"] = "nope",
        }));
        using var anonymous = await http.GetAsync("/api/v1/customers");

        using var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("invalid_client", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1, server.Store.TokenExchanges);
    }

    [Fact]
    public void Options_are_bound_from_the_carts_subsc_store_section_and_capped()
    {
        static ServiceProvider Build(string key, string value) => new ServiceCollection().AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(key, (string?)value)]).Build())
            .AddSubscStoreCart().BuildServiceProvider();

        using var good = Build("Carts:SubscStore:MaxPagesInFlight", "3");
        using var bad = Build("Carts:SubscStore:PageSize", "101");

        Assert.Equal((3, 100), (good.GetRequiredService<IOptions<SubscStoreOptions>>().Value.MaxPagesInFlight, good.GetRequiredService<IOptions<SubscStoreOptions>>().Value.PageSize));
        Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<SubscStoreOptions>>().Value);
    }
}
