using System.Collections.Concurrent;
using Coravel.Queuing.Interfaces;

namespace Ecai.Web.Jobs;

/// <summary>
/// "今すぐ取り込む": queues the same job the schedule runs. One pull per bot at a time: a request
/// while one is queued or running is refused, and a scheduled run waits for a manual one.
/// </summary>
public sealed class PullTrigger(IQueue queue)
{
    private readonly ConcurrentDictionary<int, byte> _pending = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();

    /// <summary>Queues a pull of the bot's carts; false when one is already queued or running.</summary>
    public bool Request(int botId)
    {
        if (!_pending.TryAdd(botId, 0)) return false;
        queue.QueueInvocableWithPayload<PullCartsJob, PullRequest>(new PullRequest(botId));
        return true;
    }

    /// <summary>Drops a request that found nothing to pull.</summary>
    internal void Forget(int botId) => _pending.TryRemove(botId, out _);

    public bool IsBusy(int botId) => _pending.ContainsKey(botId) || Lock(botId).CurrentCount == 0;

    /// <summary>Held by the job while it pulls one bot.</summary>
    internal async Task<IAsyncDisposable> EnterAsync(int botId, CancellationToken ct)
    {
        var gate = Lock(botId);
        await gate.WaitAsync(ct);
        _pending.TryAdd(botId, 0);
        return new Release(() =>
        {
            _pending.TryRemove(botId, out _);
            gate.Release();
        });
    }

    private SemaphoreSlim Lock(int botId) => _locks.GetOrAdd(botId, _ => new SemaphoreSlim(1, 1));

    private sealed class Release(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() { release(); return ValueTask.CompletedTask; }
    }
}
