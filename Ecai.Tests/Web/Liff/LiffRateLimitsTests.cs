using Ecai.Web.Components.Liff;

namespace Ecai.Tests.Web.Liff;

public sealed class LiffRateLimitsTests
{
    [Fact]
    public void A_member_gets_five_submissions_per_window_and_others_are_not_affected()
    {
        using var limits = new LiffRateLimits();

        var allowed = Enumerable.Range(0, 6).Select(_ => limits.TryAcquire(1, 10, "198.51.100.1")).ToList();

        Assert.Equal([true, true, true, true, true, false], allowed);
        Assert.True(limits.TryAcquire(1, 11, "198.51.100.1"));
        Assert.True(limits.TryAcquire(2, 10, "198.51.100.1")); // the same member id in another bot is another member
    }

    [Fact]
    public void One_address_gets_thirty_submissions_per_window_across_members()
    {
        using var limits = new LiffRateLimits();

        var allowed = Enumerable.Range(0, 31).Count(i => limits.TryAcquire(1, i, "198.51.100.2"));

        Assert.Equal(LiffRateLimits.PerAddress, allowed);
        Assert.True(limits.TryAcquire(1, 99, "198.51.100.3"));
    }
}
