using System.Collections.Concurrent;
using Coravel.Queuing.Interfaces;

namespace Ecai.Web.Jobs;

/// <summary>
/// "今すぐ取り込む": queues the same job the schedule runs, for one cart connection (a cart card) or all of a
/// bot's carts. One pull per bot at a time: a request while one is queued or running is refused, and a
/// scheduled run waits for a manual one.
/// </summary>
public sealed class PullTrigger(IQueue queue)
{
    // The value is the requested connection (0: all of the bot's carts).
    private readonly ConcurrentDictionary<int, int> _pending = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();

    /// <summary>Queues a pull of the bot's carts (only <paramref name="connectionId"/> when given); false when one is already queued or running.</summary>
    public bool Request(int botId, int? connectionId = null)
    {
        if (!_pending.TryAdd(botId, connectionId ?? 0)) return false;
        queue.QueueInvocableWithPayload<PullCartsJob, PullRequest>(new PullRequest(botId, connectionId));
        return true;
    }

    /// <summary>The one connection the bot's queued or running manual pull is for; null when it covers all carts or none runs.</summary>
    public int? ConnectionOf(int botId) => _pending.TryGetValue(botId, out var id) && id != 0 ? id : null;

    /// <summary>Drops a request that found nothing to pull.</summary>
    internal void Forget(int botId) => _pending.TryRemove(botId, out _);

    public bool IsBusy(int botId) => _pending.ContainsKey(botId) || Lock(botId).CurrentCount == 0;

    /// <summary>Held by the job while it pulls one bot.</summary>
    internal async Task<IAsyncDisposable> EnterAsync(int botId, CancellationToken ct, int? connectionId = null)
    {
        var gate = Lock(botId);
        await gate.WaitAsync(ct);
        _pending.TryAdd(botId, connectionId ?? 0);
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
