using System.Text.Json.Nodes;
using Bunit;
using Ecai.Tests.Web.Components;
using Ecai.Web.Components.Messaging;

namespace Ecai.Tests.Web.Messaging;

public sealed class LinePhoneTests : ComponentTest
{
    private static JsonArray Messages(string json) => JsonNode.Parse(json)!.AsArray();

    [Fact]
    public void Text_keeps_its_line_breaks_and_shows_its_time_in_japan_time()
    {
        var phone = Render<LinePhone>(p => p
            .Add(x => x.Messages, Messages("""[{"type":"text","text":"山田 花子さん\nご購入ありがとうございます"}]"""))
            .Add(x => x.Times, [new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)])
            .Add(x => x.Title, "テストショップ"));

        Assert.Equal("山田 花子さん\nご購入ありがとうございます", phone.Find("[data-testid=line-text]").TextContent);
        Assert.Equal("18:00", phone.Find("[data-testid=line-time]").TextContent);
        Assert.Equal("テストショップ", phone.Find("[data-testid=line-phone-title]").TextContent);
        Assert.Contains("theirs", phone.Find("[data-testid=line-message]").ClassList);
    }

    [Fact]
    public void An_image_shows_its_preview_and_a_non_web_url_is_not_rendered()
    {
        var phone = Render<LinePhone>(p => p.Add(x => x.Messages, Messages("""
            [{"type":"image","originalContentUrl":"https://x.jp/a.jpg","previewImageUrl":"https://x.jp/a-small.jpg"},
             {"type":"image","originalContentUrl":"javascript:alert(1)","previewImageUrl":"javascript:alert(1)"}]
            """)));

        Assert.Equal("https://x.jp/a-small.jpg", Assert.Single(phone.FindAll("[data-testid=line-image]")).GetAttribute("src"));
        Assert.Single(phone.FindAll("[data-testid=line-image-missing]"));
        Assert.DoesNotContain("javascript:", phone.Markup);
    }

    [Fact]
    public void A_flex_bubble_shows_its_blocks_texts_image_buttons_and_separator_in_box_layouts()
    {
        var phone = Render<LinePhone>(p => p.Add(x => x.Messages, Messages("""
            [{"type":"flex","altText":"新商品","contents":{"type":"bubble",
              "hero":{"type":"image","url":"https://x.jp/hero.jpg","size":"full","aspectRatio":"20:13"},
              "body":{"type":"box","layout":"vertical","contents":[
                {"type":"text","text":"新商品のご案内","weight":"bold","color":"#FF0000"},
                {"type":"separator"},
                {"type":"box","layout":"horizontal","contents":[{"type":"text","text":"価格"},{"type":"text","text":"¥3,980","align":"end"}]}]},
              "footer":{"type":"box","layout":"vertical","contents":[
                {"type":"button","style":"primary","action":{"type":"uri","label":"購入する","uri":"https://x.jp/buy"}}]}}}]
            """)));

        Assert.Equal(["新商品のご案内", "価格", "¥3,980"], phone.FindAll("[data-testid=flex-text]").Select(t => t.TextContent));
        Assert.Contains("color:#FF0000", phone.FindAll("[data-testid=flex-text]")[0].GetAttribute("style"));
        Assert.Equal("https://x.jp/hero.jpg", phone.Find("[data-testid=flex-image]").GetAttribute("src"));
        Assert.Equal("購入する", phone.Find("[data-testid=flex-button]").TextContent);
        Assert.Single(phone.FindAll("[data-testid=flex-separator]"));
        var boxes = phone.FindAll("[data-testid=flex-box]");
        Assert.Contains(boxes, b => b.ClassList.Contains("fx-horizontal"));
        Assert.Contains(boxes, b => b.ClassList.Contains("fx-vertical"));
        Assert.Equal(["fx-hero", "fx-body", "fx-footer"], phone.FindAll(".fx-block").Select(b => b.ClassList.First(c => c != "fx-block")));
    }

    [Fact]
    public void A_carousel_shows_each_bubble_and_an_unsafe_colour_is_left_out()
    {
        var phone = Render<LinePhone>(p => p.Add(x => x.Messages, Messages("""
            [{"type":"flex","altText":"おすすめ","contents":{"type":"carousel","contents":[
              {"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"商品A","color":"red;background:url(x)"}]}},
              {"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"商品B"}]}}]}}]
            """)));

        Assert.Single(phone.FindAll("[data-testid=flex-carousel]"));
        Assert.Equal(2, phone.FindAll("[data-testid=flex-bubble]").Count);
        Assert.Equal(["商品A", "商品B"], phone.FindAll("[data-testid=flex-text]").Select(t => t.TextContent));
        Assert.DoesNotContain("url(x)", phone.Markup);
    }

    [Fact]
    public void Nothing_to_show_says_so()
    {
        var phone = Render<LinePhone>(p => p.Add(x => x.Messages, new JsonArray()));

        Assert.Equal("まだメッセージはありません", phone.Find("[data-testid=line-phone-empty]").TextContent);
    }
}
