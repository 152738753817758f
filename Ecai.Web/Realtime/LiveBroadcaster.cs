using System.Collections.Concurrent;
using Ecai.Domain.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Ecai.Web.Realtime;

/// <summary>
/// The singleton that carries live events: Blazor components subscribe per bot, and every event
/// also goes to the SignalR group of its bot at /hubs/live for other clients.
/// </summary>
public sealed class LiveBroadcaster(IHubContext<LiveHub, ILiveClient> hub, ILogger<LiveBroadcaster> log) : ILiveEvents
{
    private readonly ConcurrentDictionary<Guid, (int BotId, Func<LiveEvent, Task> Handler)> _subscribers = new();

    public IDisposable Subscribe(int botId, Func<LiveEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = (botId, handler);
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public void Publish(LiveEvent e)
    {
        foreach (var (_, (botId, handler)) in _subscribers)
            if (botId == e.BotId) _ = Deliver(handler, e);
        _ = SendToHub(e);
    }

    private async Task Deliver(Func<LiveEvent, Task> handler, LiveEvent e)
    {
        try { await handler(e); }
        catch (Exception ex) { log.LogWarning(ex, "A live subscriber failed on {Event}", e.GetType().Name); }
    }

    private async Task SendToHub(LiveEvent e)
    {
        try
        {
            var group = hub.Clients.Group(LiveHub.GroupName(e.BotId));
            await (e switch
            {
                JobProgressChanged p => group.JobProgress(p),
                ConnectionChanged c => group.ConnectionChanged(c),
                DashboardChanged d => group.DashboardChanged(d),
                TagsChanged t => group.TagsChanged(t),
                _ => Task.CompletedTask,
            });
        }
        catch (Exception ex) { log.LogWarning(ex, "Could not push {Event} to the hub", e.GetType().Name); }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
