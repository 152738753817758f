using Bunit;
using Ecai.Web.Components.Shared;

namespace Ecai.Tests.Web.Components;

/// <summary>The day field every admin form uses: yyyy/MM/dd whatever the browser's language, a Japanese message for text that is no date.</summary>
public sealed class DateFieldTests : ComponentTest
{
    [Fact]
    public void A_day_shows_as_yyyy_mm_dd_and_a_typed_day_comes_back_as_that_day()
    {
        DateOnly? changed = null;
        var field = Render<DateField>(p => p
            .Add(x => x.Value, new DateOnly(2026, 3, 9))
            .Add(x => x.InputId, "day")
            .Add(x => x.ValueChanged, (DateOnly? d) => changed = d));

        var input = field.Find("#day");
        Assert.Equal(("2026/03/09", "yyyy/mm/dd", "text"), (input.GetAttribute("value"), input.GetAttribute("placeholder"), input.GetAttribute("type")));

        input.Change("2027/02/20");

        Assert.Equal(new DateOnly(2027, 2, 20), changed);
    }

    [Fact]
    public void Text_that_is_no_date_is_refused_in_japanese_and_the_value_is_not_changed()
    {
        var calls = 0;
        var field = Render<DateField>(p => p
            .Add(x => x.InputId, "day")
            .Add(x => x.ValueChanged, (DateOnly? _) => calls++));

        field.Find("#day").Change("2027/13/40");

        Assert.Equal(0, calls);
        Assert.Equal("日付をyyyy/mm/dd(例: 2027/02/20)で入力してください。", field.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim());
    }

    [Fact]
    public void The_callers_message_wins_when_it_reports_an_error()
    {
        var field = Render<DateField>(p => p
            .Add(x => x.Error, true)
            .Add(x => x.ErrorText, "有効期限を入力してください。"));

        Assert.Equal("有効期限を入力してください。", field.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim());
    }
    [Fact]
    public void A_date_and_time_reads_yyyy_mm_dd_and_24_hour_time_and_reports_only_once_both_are_filled_in()
    {
        var reports = new List<DateTime?>();
        var field = Render<DateTimeField>(p => p
            .Add(x => x.InputId, "at")
            .Add(x => x.ValueChanged, (DateTime? v) => reports.Add(v)));

        field.Find("#at-day").Change("2026/12/24");
        field.Find("#at-time").Change("18:30");

        Assert.Equal([null, new DateTime(2026, 12, 24, 18, 30, 0)], reports);
        Assert.Equal(("2026/12/24", "18:30"), (field.Find("#at-day").GetAttribute("value"), field.Find("#at-time").GetAttribute("value")));
    }
}
