using System.Collections.Concurrent;
using Coravel.Queuing.Interfaces;

namespace Ecai.Web.Jobs;

/// <summary>"今すぐ取り込む": queues the same job the schedule runs, at most one per bot at a time.</summary>
public sealed class PullTrigger(IQueue queue)
{
    private readonly ConcurrentDictionary<int, byte> _busy = new();

    /// <summary>Queues a pull of the bot's carts; false when one is already queued or running.</summary>
    public bool Request(int botId)
    {
        if (!_busy.TryAdd(botId, 0)) return false;
        queue.QueueInvocableWithPayload<PullCartsJob, PullRequest>(new PullRequest(botId));
        return true;
    }

    public bool IsBusy(int botId) => _busy.ContainsKey(botId);

    internal IAsyncDisposable MarkRunning(int botId)
    {
        _busy.TryAdd(botId, 0);
        return new Release(() => _busy.TryRemove(botId, out _));
    }

    private sealed class Release(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() { release(); return ValueTask.CompletedTask; }
    }
}
