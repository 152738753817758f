using Ecai.Domain.Members;

namespace Ecai.Tests.Domain.Members;

public sealed class MonthDayTests
{
    [Theory]
    [InlineData("12/20", 1220)]
    [InlineData(" 1/5 ", 105)]
    [InlineData("12-20", 1220)]
    [InlineData("1月10日", 110)]
    [InlineData("0229", 229)]
    [InlineData("1220", 1220)]
    [InlineData("13/01", null)]
    [InlineData("02/30", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    public void A_typed_month_and_day_reads_as_mmdd_only_when_it_is_a_day_of_the_year(string text, int? expected) =>
        Assert.Equal(expected, MemberFilter.ParseMonthDay(text));
}
