using Ecai.Integrations.Carts.Repeatst;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecai.Tests.Integrations.Repeatst;

/// <summary>AddRepeatstCart(): options from configuration and their validation.</summary>
public sealed class RepeatstSetupTests
{
    [Fact]
    public void Options_are_bound_from_the_carts_repeatst_section_with_a_page_of_200()
    {
        using var services = Build(("Carts:Repeatst:MaxPagesInFlight", "2"), ("Carts:Repeatst:RequestsPerSecond", "5"));

        var options = services.GetRequiredService<IOptions<RepeatstOptions>>().Value;

        Assert.Equal((2, 5.0, 200), (options.MaxPagesInFlight, options.RequestsPerSecond, options.PageSize));
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        using var services = Build(("Carts:Repeatst:PageSize", "201"));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RepeatstOptions>>().Value);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build())
            .AddRepeatstCart()
            .BuildServiceProvider();
}
