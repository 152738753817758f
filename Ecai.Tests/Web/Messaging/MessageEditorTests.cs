using Bunit;
using Ecai.Domain.Messaging;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Messaging;

namespace Ecai.Tests.Web.Messaging;

public sealed class MessageEditorTests : ComponentTest
{
    private MessageContent? _bound;

    private IRenderedComponent<MessageEditor> Editor(MessageContent? start = null) =>
        Render<MessageEditor>(p => p
            .Add(x => x.Content, start ?? MessageContent.Empty)
            .Add(x => x.ContentChanged, c => _bound = c));

    private static MessageContent Texts(params string[] texts) =>
        new(texts.Select(t => new Bubble { Kind = BubbleKind.Text, Text = t }).ToList());

    [Fact]
    public void Bubbles_can_be_added_up_to_five_then_the_add_button_is_disabled()
    {
        var editor = Editor(Texts("1"));

        for (var i = 0; i < 4; i++) editor.Find("[data-testid=editor-add]").Click();

        Assert.Equal(5, editor.FindAll("[data-testid=editor-bubble]").Count);
        Assert.True(editor.Find("[data-testid=editor-add]").HasAttribute("disabled"));
        Assert.Contains("5/5", editor.Find("[data-testid=editor-add]").TextContent);
        Assert.Equal(5, _bound!.Bubbles.Count);
    }

    [Fact]
    public void Problems_are_shown_live_in_japanese_and_go_away_when_fixed()
    {
        var editor = Editor();

        Assert.Equal(["1つ目の吹き出し: テキストを入力してください。"], editor.FindAll("[data-testid=editor-problem]").Select(p => p.TextContent));

        editor.Find("[data-testid=editor-kind-image]").Click();
        editor.WaitForAssertion(() => Assert.Equal(["1つ目の吹き出し: 画像URLを入力してください。"],
            editor.FindAll("[data-testid=editor-problem]").Select(p => p.TextContent)));

        editor.Find("[data-testid=editor-image-url]").Input("http://example.jp/a.jpg");
        editor.WaitForAssertion(() => Assert.Equal(["1つ目の吹き出し: 画像URLは https:// で始まるURLにしてください。"],
            editor.FindAll("[data-testid=editor-problem]").Select(p => p.TextContent)));

        editor.Find("[data-testid=editor-image-url]").Input("https://example.jp/a.jpg");
        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("[data-testid=editor-problems]")));
        Assert.Equal("https://example.jp/a.jpg", _bound!.Bubbles[0].ImageUrl);
        Assert.Equal("https://example.jp/a.jpg", editor.Find("[data-testid=line-image]").GetAttribute("src"));
    }

    [Fact]
    public void The_preview_puts_in_the_sample_name_where_the_name_was_inserted()
    {
        var editor = Editor(Texts("こんにちは"));

        editor.Find("[data-testid=editor-insert-name]").Click();

        Assert.Equal("こんにちは{name}", _bound!.Bubbles[0].Text);
        Assert.Equal("こんにちは山田 花子", editor.Find("[data-testid=line-text]").TextContent);
        Assert.Contains("山田 花子", editor.Markup);
    }

    [Fact]
    public void Typing_text_updates_the_bound_content_and_the_preview()
    {
        var editor = Editor();

        editor.Find("[data-testid=editor-text]").Input("{name}さん\n新商品のお知らせです");

        editor.WaitForAssertion(() => Assert.Equal("山田 花子さん\n新商品のお知らせです", editor.Find("[data-testid=line-text]").TextContent));
        Assert.Equal("{name}さん\n新商品のお知らせです", _bound!.Bubbles[0].Text);
    }

    [Fact]
    public void Bubbles_move_up_and_down_and_are_deleted_but_the_last_one_stays()
    {
        var editor = Editor(Texts("A", "B", "C"));

        editor.FindAll("[data-testid=editor-down]")[0].Click(); // B A C
        Assert.Equal(["B", "A", "C"], _bound!.Bubbles.Select(b => b.Text));
        editor.FindAll("[data-testid=editor-up]")[2].Click(); // B C A
        Assert.Equal(["B", "C", "A"], _bound!.Bubbles.Select(b => b.Text));
        Assert.Equal(["B", "C", "A"], editor.FindAll("[data-testid=line-text]").Select(t => t.TextContent));
        Assert.True(editor.FindAll("[data-testid=editor-up]")[0].HasAttribute("disabled"));
        Assert.True(editor.FindAll("[data-testid=editor-down]")[2].HasAttribute("disabled"));

        editor.FindAll("[data-testid=editor-delete]")[1].Click();
        Assert.Equal(["B", "A"], _bound!.Bubbles.Select(b => b.Text));
        editor.FindAll("[data-testid=editor-delete]")[0].Click();
        Assert.Equal(["A"], _bound!.Bubbles.Select(b => b.Text));
        Assert.True(editor.Find("[data-testid=editor-delete]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_flex_template_fills_the_json_and_alt_text_and_is_previewed()
    {
        var editor = Editor();

        editor.Find("[data-testid=editor-kind-flex]").Click();
        editor.WaitForAssertion(() => Assert.Contains("1つ目の吹き出し: FlexのJSONを入力してください。", editor.Find("[data-testid=editor-problems]").TextContent));
        editor.FindAll("[data-testid=editor-template]")[0].Click();

        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("[data-testid=editor-problems]")));
        var bubble = _bound!.Bubbles[0];
        Assert.Equal((BubbleKind.Flex, "お知らせ"), (bubble.Kind, bubble.AltText));
        Assert.Empty(_bound.Problems());
        Assert.Contains("山田 花子さん、いつもありがとうございます。", editor.FindAll("[data-testid=flex-text]").Select(t => t.TextContent));
        Assert.Equal("詳しく見る", editor.Find("[data-testid=flex-button]").TextContent);
    }

    [Fact]
    public void Broken_flex_json_is_explained_and_the_preview_keeps_working()
    {
        var editor = Editor(new MessageContent([new Bubble { Kind = BubbleKind.Flex, AltText = "x", FlexJson = "{\"type\":" }]));

        Assert.Equal(["1つ目の吹き出し: FlexのJSONの書き方が正しくありません。"], editor.FindAll("[data-testid=editor-problem]").Select(p => p.TextContent));
        Assert.Equal("（FlexのJSONを確認してください）", editor.Find("[data-testid=line-text]").TextContent);
    }
}
