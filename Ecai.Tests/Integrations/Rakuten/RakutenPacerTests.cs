using Ecai.Integrations.Carts.Rakuten;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ecai.Tests.Integrations.Rakuten;

/// <summary>The pacer on a fake clock: slots one interval apart per licence.</summary>
public sealed class RakutenPacerTests
{
    private readonly FakeTimeProvider _clock = new();

    private RakutenPacer Pacer(double rps) => new(Options.Create(new RakutenOptions { RequestsPerSecond = rps }), _clock);

    [Fact]
    public void Requests_of_one_licence_are_spaced_one_interval_apart()
    {
        var pacer = Pacer(1);

        var first = pacer.WaitAsync("licence-a", CancellationToken.None);
        var second = pacer.WaitAsync("licence-a", CancellationToken.None);
        var third = pacer.WaitAsync("licence-a", CancellationToken.None);

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(second.IsCompleted);
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(third.IsCompleted);
    }

    [Fact]
    public void An_idle_licence_goes_at_once_and_licences_do_not_wait_for_each_other()
    {
        var pacer = Pacer(2);

        Assert.True(pacer.WaitAsync("licence-a", CancellationToken.None).IsCompleted);
        Assert.True(pacer.WaitAsync("licence-b", CancellationToken.None).IsCompleted);
        Assert.False(pacer.WaitAsync("licence-a", CancellationToken.None).IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(pacer.WaitAsync("licence-a", CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void Rate_zero_does_not_pace()
    {
        var pacer = Pacer(0);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(pacer.WaitAsync("licence-a", CancellationToken.None).IsCompleted));
    }
}
