using System.Diagnostics;

namespace Ecai.Domain.Messaging;

/// <summary>Spaces requests evenly at a rate (wall time, whatever the app clock says): no bursts over LINE's limit.</summary>
public sealed class RequestPacer(double perSecond)
{
    private readonly long _interval = Math.Max(1, (long)(Stopwatch.Frequency / perSecond));
    private long _next = Stopwatch.GetTimestamp();

    /// <summary>Waits for this request's slot (each call reserves the next free one).</summary>
    public Task WaitAsync(CancellationToken ct)
    {
        var now = Stopwatch.GetTimestamp();
        long current, slot;
        do
        {
            current = Interlocked.Read(ref _next);
            slot = Math.Max(current, now);
        }
        while (Interlocked.CompareExchange(ref _next, slot + _interval, current) != current);
        var wait = slot - now;
        return wait <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
    }
}
