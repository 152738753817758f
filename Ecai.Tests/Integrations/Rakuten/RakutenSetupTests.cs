using Ecai.Domain.Carts;
using Ecai.Integrations.Carts.Rakuten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ecai.Tests.Integrations.Rakuten;

public sealed class RakutenSetupTests
{
    [Fact]
    public void Options_bind_from_carts_rakuten()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Carts:Rakuten:RequestsPerSecond"] = "0.5", ["Carts:Rakuten:WindowDays"] = "30",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddRakutenCart().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<RakutenOptions>>().Value;

        Assert.Equal(0.5, options.RequestsPerSecond);
        Assert.Equal(30, options.WindowDays);
        Assert.Equal(1_000, options.PageSize);
        Assert.Contains(services.GetServices<ICartClientFactory>(), f => f.Supports(CartKind.RakutenRms));
    }

    [Theory]
    [InlineData("WindowDays", "64")]
    [InlineData("BatchSize", "101")]
    [InlineData("PageSize", "1001")]
    [InlineData("MaxHistoryDays", "731")]
    public void Options_out_of_rms_limits_are_refused(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Carts:Rakuten:" + key] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddRakutenCart().BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RakutenOptions>>().Value);
    }

    [Fact]
    public void Esa_header_is_base_64_of_secret_colon_key() =>
        Assert.Equal("c2VjcmV0OmxpY2Vuc2U=", RakutenAuthHandler.EsaValue("secret", "license"));
}
