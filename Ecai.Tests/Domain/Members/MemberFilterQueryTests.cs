using Ecai.Domain.Carts;
using Ecai.Domain.Members;

namespace Ecai.Tests.Domain.Members;

public sealed class MemberFilterQueryTests
{
    private static readonly MemberFilter Everything = new()
    {
        TagsAll = [3, 1], TagsAny = [7], TagsNone = [9, 10], Link = LinkState.Unlinked, LinkConnectionId = 4,
        FriendFrom = new DateOnly(2026, 1, 2), FriendTo = new DateOnly(2026, 3, 4),
        ProductCode = "P-1 & 定期/A", CourseName = "定期便 30日", PurchaseConnectionId = 5,
        PurchasedFrom = new DateOnly(2025, 12, 1), PurchasedTo = new DateOnly(2025, 12, 31),
        PurchaseCountMin = 0, PurchaseCountMax = 12, AmountMin = 1000, AmountMax = 99999,
        Status = ContinuationStatus.Active, BirthdayFrom = 1220, BirthdayTo = 110, BirthMonth = 2, Blocked = false,
    };

    [Fact]
    public void Every_condition_survives_a_round_trip_through_the_query_string()
    {
        var query = MemberFilterQuery.Write(Everything);

        var (read, unread) = MemberFilterQuery.Read("?" + query);

        Assert.Empty(unread);
        Assert.Equal(Everything.ToJson(), read.ToJson());
        Assert.Contains("birthdayTo=0110", query);
        Assert.Contains("product=P-1%20%26%20", query);
    }

    [Fact]
    public void Everyone_is_the_empty_query_and_an_empty_query_is_everyone()
    {
        Assert.Equal("", MemberFilterQuery.Write(MemberFilter.All));
        Assert.Equal(MemberFilter.All.ToJson(), MemberFilterQuery.Read("").Filter.ToJson());
        Assert.Equal(MemberFilter.All.ToJson(), MemberFilterQuery.Read(null).Filter.ToJson());
    }

    [Fact]
    public void An_unreadable_value_is_left_out_and_named_while_the_other_conditions_apply()
    {
        var (filter, unread) = MemberFilterQuery.Read(
            "link=linked&ordersMin=abc&tags=1,x&friendFrom=2026-02-30&status=99&birthdayFrom=1345&blocked=yes&amountMax=-5&utm_source=line&product=%E5%AE%9A%E6%9C%9F");

        Assert.Equal(LinkState.Linked, filter.Link);
        Assert.True(filter.Blocked);
        Assert.Equal("定期", filter.ProductCode);
        Assert.Null(filter.PurchaseCountMin);
        Assert.Empty(filter.TagsAll);
        Assert.Null(filter.FriendFrom);
        Assert.Null(filter.Status);
        Assert.Null(filter.BirthdayFrom);
        Assert.Null(filter.AmountMax);
        Assert.Equal(["ordersMin=abc", "tags=1,x", "friendFrom=2026-02-30", "status=99", "birthdayFrom=1345", "amountMax=-5"], unread);
    }

    [Fact]
    public void A_parameter_without_a_value_and_a_broken_escape_do_not_stop_the_rest()
    {
        var (filter, unread) = MemberFilterQuery.Read("ordersMin&ordersMax=&tags=%E5%AE&link=unlinked");

        Assert.Equal(LinkState.Unlinked, filter.Link);
        Assert.Null(filter.PurchaseCountMin);
        Assert.Null(filter.PurchaseCountMax);
        Assert.Equal(["tags=%E5%AE"], unread);
    }
}
