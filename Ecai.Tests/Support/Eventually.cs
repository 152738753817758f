namespace Ecai.Tests.Support;

/// <summary>Waits for a condition instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (await probe() is { } value) return value;
            try { await Task.Delay(50, deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"condition not met within {timeout}"); }
        }
    }
}
