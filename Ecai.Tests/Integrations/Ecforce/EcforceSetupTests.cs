using Ecai.Domain.Carts;
using Ecai.Integrations;
using Ecai.Integrations.Carts.Ecforce;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecai.Tests.Integrations.Ecforce;

/// <summary>AddEcforceCart(): options from configuration, validation, and the factory.</summary>
public sealed class EcforceSetupTests
{
    [Fact]
    public void Options_are_bound_from_the_carts_ecforce_section()
    {
        using var services = Build(("Carts:Ecforce:MaxPagesInFlight", "2"), ("Carts:Ecforce:RetryBaseDelay", "00:00:01"));

        var options = services.GetRequiredService<IOptions<EcforceOptions>>().Value;

        Assert.Equal((2, TimeSpan.FromSeconds(1), 100), (options.MaxPagesInFlight, options.RetryBaseDelay, options.PageSize));
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        using var services = Build(("Carts:Ecforce:PageSize", "500"));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EcforceOptions>>().Value);
    }

    [Fact]
    public void Factory_is_registered_through_add_ecai_integrations_for_ecforce_only()
    {
        using var services = new ServiceCollection().AddLogging().AddEcaiIntegrations().BuildServiceProvider();

        var factory = Assert.Single(services.GetServices<ICartClientFactory>(), f => f.Supports(CartKind.Ecforce));
        Assert.IsType<EcforceCartClientFactory>(factory);
        Assert.False(factory.Supports(CartKind.Shopify));
        var error = Assert.Throws<CartConnectionException>(() => factory.Create(
            new CartEndpoint(1, CartKind.Ecforce, "shop.example.jp", "api.shop.example.jp",
                new CartSecrets(new Dictionary<string, string> { [CartSpec.LoginEmail] = "a@example.jp", [CartSpec.Password] = "pw" }), null!, DateTimeOffset.UtcNow)));
        Assert.Contains("APIドメイン", error.Message);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build())
            .AddEcforceCart()
            .BuildServiceProvider();
}
