using Ecai.Domain.Line;
using Ecai.Integrations;
using Ecai.Integrations.Line;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ecai.Tests.Integrations.Line;

/// <summary>AddLineApi() (through AddEcaiIntegrations): options from <c>Ecai:Line</c>, their validation, one client behind all three seams.</summary>
public sealed class LineSetupTests
{
    [Fact]
    public void The_base_url_comes_from_ecai_line_and_one_client_serves_login_and_messaging()
    {
        using var services = Build(("Ecai:Line:ApiBaseUrl", "http://127.0.0.1:5000/sandbox/line/"), ("Ecai:Line:MaxRetries", "3"));

        Assert.Equal(new Uri("http://127.0.0.1:5000/sandbox/line"), services.GetRequiredService<LineEndpoint>().BaseUrl);
        Assert.Equal(3, services.GetRequiredService<IOptions<LineOptions>>().Value.MaxRetries);
        Assert.Same(services.GetRequiredService<ILineLogin>(), services.GetRequiredService<ILineMessaging>());
        Assert.Same(services.GetRequiredService<ILineLogin>(), services.GetRequiredService<ILineMessenger>());
    }

    [Fact]
    public void Sending_options_out_of_range_are_rejected()
    {
        using var services = Build(("Ecai:Line:SendMaxRetries", "0"), ("Ecai:Line:PushesPerSecond", "-1"));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LineOptions>>().Value);
    }

    [Fact]
    public void Without_configuration_it_is_lines_own_host()
    {
        using var services = Build();

        Assert.Equal(new Uri("https://api.line.me"), services.GetRequiredService<LineEndpoint>().BaseUrl);
    }

    [Fact]
    public void A_base_url_that_is_not_http_is_rejected_in_options_and_at_run_time()
    {
        using var services = Build(("Ecai:Line:ApiBaseUrl", "ftp://api.line.me"));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LineOptions>>().Value);
        Assert.Throws<ArgumentException>(() => new LineEndpoint(new Uri("https://api.line.me")).BaseUrl = new Uri("/relative", UriKind.Relative));
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build())
            .AddEcaiIntegrations()
            .BuildServiceProvider();
}
