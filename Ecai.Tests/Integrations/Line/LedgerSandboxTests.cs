using Ecai.Domain.Messaging;
using Ecai.Tests.Domain.Messaging;

namespace Ecai.Tests.Integrations.Line;

/// <summary>
/// The send ledger through the real LINE client to the LINE sandbox over HTTP on 127.0.0.1: whatever goes wrong between
/// the ledger write and LINE's answer, each member ends up with exactly one message in the sandbox.
/// </summary>
public sealed class LedgerSandboxTests : IAsyncLifetime
{
    private LineTestHost _host = null!;
    private LedgerWorld _w = null!;

    public async Task InitializeAsync()
    {
        _host = await LineTestHost.StartAsync();
        _host.Store.AcceptAccessToken("token-x"); // LedgerWorld's channel
        _w = await LedgerWorld.CreateAsync();
        _w.Messenger = _host.Messenger;
    }

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("accepted then 500")]
    [InlineData("500")]
    [InlineData("429")]
    [InlineData("crash before the push")]
    public async Task Each_member_gets_exactly_one_message_in_the_sandbox(string fault)
    {
        var members = await _w.AddMembersAsync(6);
        await _w.PlanAsync(members, await _w.AddMessageAsync("こんにちは"));
        switch (fault)
        {
            case "accepted then 500": _host.Store.NextAcceptedThen500(4); break; // LINE has them; the client saw a failure
            case "500": _host.Store.Next500(3); break;
            case "429": _host.Store.Next429(3); break;
            // "crash before the push": the rows are pending and a new dispatcher (below) is the restarted process.
        }

        await _w.Dispatcher().DispatchAsync(_w.Bot, CancellationToken.None);
        // Whatever is still pending (retries that ran out in the client) goes on the next run, with the same keys.
        _w.F.Clock.Advance(TimeSpan.FromHours(1));
        await _w.Dispatcher().DispatchAsync(_w.Bot, CancellationToken.None);

        Assert.All(members, m => Assert.Equal(1, _host.Store.ReceivedCount(m.LineUserId)));
        Assert.All(await _w.RowsAsync(), r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.Equal("こんにちは", (string?)_host.Store.ReceivedBy(members[0].LineUserId)[0].Messages[0]!["text"]);
    }
}
