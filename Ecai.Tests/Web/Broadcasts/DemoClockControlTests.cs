using Bunit;
using Ecai.Domain.Messaging;
using Ecai.Tests.Domain.Messaging;
using Ecai.Tests.Web.Components;
using Ecai.Web.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Web.Broadcasts;

public sealed class DemoClockControlTests : ComponentTest
{
    private readonly DemoClock _demo = new(new FakeTimeProvider(Now));

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton(_demo);
    }

    [Fact]
    public async Task It_shows_the_demo_time_in_JST_moves_it_forward_only_and_wakes_the_dispatcher()
    {
        var bot = await SignedInBotAsync();
        await Services.GetRequiredService<Ecai.Web.Components.BotContext>().EnsureLoadedAsync();
        var control = Render<DemoClockControl>();
        Assert.Equal("デモ時刻 2026/11/26 18:00", control.Find("[data-testid=demo-clock-now]").TextContent.Trim());

        control.Find("[data-testid=demo-clock-hour]").Click();
        control.WaitForAssertion(() => Assert.Equal("デモ時刻 2026/11/26 19:00", control.Find("[data-testid=demo-clock-now]").TextContent.Trim()));
        control.Find("[data-testid=demo-clock-day]").Click();
        control.WaitForAssertion(() => Assert.Equal("デモ時刻 2026/11/27 19:00", control.Find("[data-testid=demo-clock-now]").TextContent.Trim()));
        Assert.True(Services.GetRequiredService<DeliveryDispatcher>().Wakes.TryRead(out var woken));
        Assert.Equal(bot, woken);

        control.Find("#demo-clock-target").Input("2026/11/27 08:00");
        control.Find("[data-testid=demo-clock-go]").Click();
        control.WaitForAssertion(() => Assert.Contains("先にしか進められません", control.Find("[data-testid=demo-clock-error]").TextContent));
        Assert.Equal(TimeSpan.FromHours(25), _demo.Offset);

        control.Find("#demo-clock-target").Input("2026/12/01 09:30");
        control.Find("[data-testid=demo-clock-go]").Click();
        control.WaitForAssertion(() => Assert.Equal("デモ時刻 2026/12/01 09:30", control.Find("[data-testid=demo-clock-now]").TextContent.Trim()));
    }
}

public sealed class DemoClockHiddenTests : ComponentTest
{

    [Fact]
    public async Task Outside_demo_mode_the_control_shows_nothing()
    {
        await SignedInBotAsync();

        var control = Render<DemoClockControl>();

        Assert.Empty(control.FindAll("[data-testid=demo-clock]"));
    }
}
