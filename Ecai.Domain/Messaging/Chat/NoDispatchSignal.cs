namespace Ecai.Domain.Messaging.Chat;

/// <summary>
/// For hosts without a dispatcher (and until one is registered): waking does nothing, the Pending rows wait for the
/// next scheduled dispatch. Registered with TryAdd, so the real dispatcher's registration wins.
/// </summary>
public sealed class NoDispatchSignal : IDispatchSignal
{
    public void Wake(int botId) { }
}
