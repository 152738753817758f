using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ecai.Integrations.Carts.Rakuraku;

/// <summary>
/// 楽楽リピート allows one request per second and no parallel calls [C]. One lane per shop (host and port),
/// shared by every client of this process: a request waits until the previous one to that shop has answered
/// and until <see cref="RakurakuOptions.RequestInterval"/> has passed since it started. The handler sits inside
/// the resilience handler, so retries are paced too.
/// </summary>
internal sealed class RakurakuPacer(IOptions<RakurakuOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.OrdinalIgnoreCase);

    private sealed class Lane
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DateTimeOffset NextStart = DateTimeOffset.MinValue;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(request.RequestUri?.Authority ?? "", _ => new Lane());
        await lane.Gate.WaitAsync(ct);
        try
        {
            var wait = lane.NextStart - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
            lane.NextStart = clock.GetUtcNow() + options.Value.RequestInterval;
            return await send();
        }
        finally
        {
            lane.Gate.Release();
        }
    }
}

internal sealed class RakurakuPacingHandler(RakurakuPacer pacer) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        pacer.SendAsync(request, () => base.SendAsync(request, cancellationToken), cancellationToken);
}
