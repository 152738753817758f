namespace Ecai.Web.Components.Shared;

/// <summary>
/// Runs an action at once when triggered, then at most once per interval: triggers that arrive
/// while it runs or waits are folded into one more run at the end of the interval.
/// </summary>
public sealed class Throttle(TimeSpan interval, Func<CancellationToken, Task> action, TimeProvider clock, ILogger? log = null) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private bool _running;
    private bool _again;

    public void Trigger()
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested) return;
            if (_running) { _again = true; return; }
            _running = true;
        }
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            while (true)
            {
                try { await action(token); }
                catch (OperationCanceledException) when (token.IsCancellationRequested) { return; }
                catch (Exception ex) { log?.LogWarning(ex, "A throttled reload failed"); }
                await Task.Delay(interval, clock, token);
                lock (_gate)
                {
                    if (!_again) { _running = false; return; }
                    _again = false;
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public void Dispose()
    {
        lock (_gate) _stop.Cancel();
        _stop.Dispose();
    }
}
