using System.Threading.RateLimiting;

namespace Ecai.Web.Components.Liff;

/// <summary>
/// Caps LIFF form submissions per member and per client IP address (sliding windows of 10 minutes), so a
/// script cannot hammer the linking or replay tag events. A refused submission changes nothing.
/// </summary>
public sealed class LiffRateLimits : IDisposable
{
    public const int PerMember = 5;
    public const int PerAddress = 30;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> _members = Create(PerMember);
    private readonly PartitionedRateLimiter<string> _addresses = Create(PerAddress);

    /// <summary>True when one more submission by this member from this address is allowed (and counts it).</summary>
    public bool TryAcquire(int botId, long memberId, string? address)
    {
        using var member = _members.AttemptAcquire($"{botId}:{memberId}");
        if (!member.IsAcquired) return false;
        using var client = _addresses.AttemptAcquire(address ?? "unknown");
        return client.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Create(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ =>
            new SlidingWindowRateLimiterOptions { PermitLimit = permits, Window = Window, SegmentsPerWindow = 10, QueueLimit = 0 }));

    public void Dispose()
    {
        _members.Dispose();
        _addresses.Dispose();
    }
}
