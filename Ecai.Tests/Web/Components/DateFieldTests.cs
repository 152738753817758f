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
}
