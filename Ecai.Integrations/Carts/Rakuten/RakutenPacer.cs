using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ecai.Integrations.Carts.Rakuten;

/// <summary>
/// Spaces requests per licence at <see cref="RakutenOptions.RequestsPerSecond"/> (RMS: about 1 request/s
/// [I]): each request takes the next free slot, one interval after the previous one. Shared by every
/// connection, keyed by a hash of the Authorization header, so two connections with the same licence
/// share one budget. Sits inside the resilience handler, so retries are paced too.
/// </summary>
internal sealed class RakutenPacer
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly IOptions<RakutenOptions> _options;
    private readonly TimeProvider _clock;

    /// <summary>Paces on the real clock (never the app's TimeProvider, which tests and demos may freeze).</summary>
    public RakutenPacer(IOptions<RakutenOptions> options) : this(options, TimeProvider.System)
    {
    }

    internal RakutenPacer(IOptions<RakutenOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    private sealed class Slot
    {
        public long NextTimestamp;
    }

    public Task WaitAsync(string? licence, CancellationToken ct)
    {
        var rps = _options.Value.RequestsPerSecond;
        if (rps <= 0) return Task.CompletedTask;
        var interval = (long)(_clock.TimestampFrequency / rps);
        var slot = _slots.GetOrAdd(Key(licence), _ => new Slot());
        long wait;
        lock (slot)
        {
            var now = _clock.GetTimestamp();
            var start = Math.Max(now, slot.NextTimestamp);
            slot.NextTimestamp = start + interval;
            wait = start - now;
        }
        return wait <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds((double)wait / _clock.TimestampFrequency), _clock, ct);
    }

    private static string Key(string? licence) =>
        licence is null ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(licence)));
}

/// <summary>The pacer as a handler of the named pipeline.</summary>
internal sealed class RakutenPacingHandler(RakutenPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(request.Headers.Authorization?.Parameter, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
