using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Ecai.Integrations.Line;

/// <summary>
/// Paces first attempts of pushes and multicasts per channel access token (<see cref="LineOptions.PushesPerSecond"/>,
/// <see cref="LineOptions.MulticastsPerSecond"/>), so a busy dispatcher waits here instead of drawing LINE's 429.
/// Each send reserves the next slot on an even timeline (1/rate apart) and waits for it; an idle channel may send
/// 1/50 s worth at once. Slots are counted from the timeline, not from when a waiter wakes, so late wake-ups on a
/// busy machine cost no throughput. Retries inside the send pipeline are not paced again. The tokens are only
/// dictionary keys, never logged.
/// </summary>
public sealed class LinePacer(IOptions<LineOptions> options)
{
    /// <summary>A send that would wait longer than this is not queued: it is reported rate-limited at once.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Token, bool Multicast), Timeline> _timelines = new();

    /// <summary>Waits for the channel's next slot; false when the line is longer than <see cref="MaxWait"/>.</summary>
    public async ValueTask<bool> WaitAsync(string accessToken, bool multicast, CancellationToken ct)
    {
        var perSecond = multicast ? options.Value.MulticastsPerSecond : options.Value.PushesPerSecond;
        if (perSecond <= 0) return true;
        var timeline = _timelines.GetOrAdd((accessToken, multicast), static (_, rate) => new Timeline(rate), perSecond);
        if (timeline.Reserve() is not { } wait) return false;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
        return true;
    }

    private sealed class Timeline(int perSecond)
    {
        private readonly long _interval = Math.Max(1, Stopwatch.Frequency / perSecond);
        private readonly long _burst = Math.Max(1, Stopwatch.Frequency / perSecond) * Math.Max(1, perSecond / 50);
        private readonly long _maxAhead = (long)(MaxWait.TotalSeconds * Stopwatch.Frequency);
        private readonly Lock _lock = new();
        private long _next = long.MinValue;

        /// <summary>How long until the reserved slot (zero: now); null when it would be more than MaxWait away.</summary>
        public TimeSpan? Reserve()
        {
            var now = Stopwatch.GetTimestamp();
            long slot;
            lock (_lock)
            {
                slot = Math.Max(_next, now - _burst);
                if (slot - now > _maxAhead) return null;
                _next = slot + _interval;
            }
            return slot <= now ? TimeSpan.Zero : Stopwatch.GetElapsedTime(now, slot);
        }
    }
}
