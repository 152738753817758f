using System.Text.Json.Nodes;
using Ecai.Domain.Messaging;

namespace Ecai.Tests.Domain.Messaging;

public sealed class ContentTests
{
    private static Bubble Text(string text) => new() { Kind = BubbleKind.Text, Text = text };
    private static Bubble Image(string url, string? preview = null) => new() { Kind = BubbleKind.Image, ImageUrl = url, PreviewUrl = preview };
    private static Bubble Flex(string json, string? alt = "お知らせ") => new() { Kind = BubbleKind.Flex, FlexJson = json, AltText = alt };

    private const string SmallBubble = """{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"こんにちは"}]}}""";

    private static string Carousel(int bubbles) =>
        new JsonObject { ["type"] = "carousel", ["contents"] = new JsonArray(Enumerable.Range(0, bubbles).Select(_ => JsonNode.Parse(SmallBubble)).ToArray()) }.ToJsonString();

    private static string BubbleOfBytes(int atLeast) =>
        new JsonObject
        {
            ["type"] = "bubble",
            ["body"] = new JsonObject
            {
                ["type"] = "box", ["layout"] = "vertical",
                ["contents"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = new string('a', atLeast) }),
            },
        }.ToJsonString();

    [Fact]
    public void A_valid_message_of_every_kind_has_no_problems()
    {
        var content = new MessageContent([Text("{name}さん、こんにちは"), Image("https://example.jp/a.jpg"), Flex(SmallBubble), Flex(Carousel(12))]);

        Assert.Empty(content.Problems());
    }

    [Fact]
    public void No_bubbles_and_more_than_five_are_refused()
    {
        Assert.Equal(["吹き出しを1つ以上入れてください。"], MessageContent.Empty.Problems());
        var six = new MessageContent(Enumerable.Range(1, 6).Select(i => Text($"{i}")).ToList());
        Assert.Equal(["吹き出しは5つまでです（いま6つ）。"], six.Problems());
        Assert.Empty(new MessageContent(six.Bubbles.Take(5).ToList()).Problems());
    }

    [Fact]
    public void An_empty_text_is_named_by_its_bubble()
    {
        var problems = new MessageContent([Text("ok"), Text("  \n ")]).Problems();

        Assert.Equal(["2つ目の吹き出し: テキストを入力してください。"], problems);
    }

    [Fact]
    public void Text_may_have_five_thousand_characters_and_not_one_more()
    {
        Assert.Empty(new MessageContent([Text(new string('あ', 5_000))]).Problems());

        var problem = Assert.Single(new MessageContent([Text(new string('あ', 5_001))]).Problems());
        Assert.Equal("1つ目の吹き出し: テキストが長すぎます（5,001文字、上限5,000文字）。", problem);
    }

    [Fact]
    public void The_name_variable_counts_as_a_name_of_twenty_characters()
    {
        // 4,980 + "{name}" is 4,986 characters typed, but 5,000 once a 20-character name is put in.
        Assert.Empty(new MessageContent([Text(new string('x', 4_980) + "{name}")]).Problems());

        var problem = Assert.Single(new MessageContent([Text(new string('x', 4_981) + "{name}")]).Problems());
        Assert.Contains("友だちの名前を20文字として5,001文字", problem);
        Assert.Equal(5_028, MessageContent.SentLength(new string('x', 4_988) + "{name}{name}"));
    }

    [Fact]
    public void Text_length_counts_utf16_units_as_line_does()
    {
        // An emoji such as 🍎 is two UTF-16 code units for LINE.
        Assert.Single(new MessageContent([Text(string.Concat(Enumerable.Repeat("🍎", 2_501)))]).Problems());
        Assert.Empty(new MessageContent([Text(string.Concat(Enumerable.Repeat("🍎", 2_500)))]).Problems());
    }

    [Theory]
    [InlineData("http://example.jp/a.jpg", "1つ目の吹き出し: 画像URLは https:// で始まるURLにしてください。")]
    [InlineData("example.jp/a.jpg", "1つ目の吹き出し: 画像URLは https:// で始まるURLにしてください。")]
    [InlineData("", "1つ目の吹き出し: 画像URLを入力してください。")]
    public void An_image_url_must_be_https(string url, string expected)
    {
        Assert.Equal([expected], new MessageContent([Image(url)]).Problems());
    }

    [Fact]
    public void Image_urls_may_have_two_thousand_characters_and_the_preview_is_checked_too()
    {
        var longest = "https://example.jp/" + new string('a', 2_000 - 19);
        Assert.Empty(new MessageContent([Image(longest)]).Problems());

        var problems = new MessageContent([Image(longest + "a", preview: "ftp://example.jp/p.jpg")]).Problems();

        Assert.Equal([
            "1つ目の吹き出し: 画像URLは2,000文字以内にしてください（いま2,001文字）。",
            "1つ目の吹き出し: プレビュー画像URLは https:// で始まるURLにしてください。",
        ], problems);
    }

    [Fact]
    public void Flex_json_must_parse_and_be_a_bubble_or_a_carousel()
    {
        Assert.Equal(["1つ目の吹き出し: FlexのJSONの書き方が正しくありません。"], new MessageContent([Flex("{\"type\":\"bubble\",")]).Problems());
        Assert.Equal(["1つ目の吹き出し: FlexのJSONの type は bubble か carousel にしてください。"],
            new MessageContent([Flex("""{"type":"box","layout":"vertical","contents":[]}""")]).Problems());
        Assert.Equal(["1つ目の吹き出し: FlexのJSONは { で始まるオブジェクトにしてください。"], new MessageContent([Flex("[1,2]")]).Problems());
        Assert.Equal(["1つ目の吹き出し: FlexのJSONを入力してください。"], new MessageContent([Flex(" ")]).Problems());
    }

    [Fact]
    public void A_carousel_holds_one_to_twelve_bubbles_only()
    {
        Assert.Equal(["1つ目の吹き出し: カルーセルのバブルは12個までです（いま13個）。"], new MessageContent([Flex(Carousel(13))]).Problems());
        Assert.Equal(["1つ目の吹き出し: カルーセルの contents にバブルを1つ以上入れてください。"], new MessageContent([Flex(Carousel(0))]).Problems());
        Assert.Equal(["1つ目の吹き出し: カルーセルの contents には type が bubble のものだけを入れてください。"],
            new MessageContent([Flex("""{"type":"carousel","contents":[{"type":"text","text":"x"}]}""")]).Problems());
    }

    [Fact]
    public void Flex_alt_text_is_required_and_at_most_four_hundred_characters()
    {
        Assert.Equal(["1つ目の吹き出し: 代替テキストを入力してください（通知やトーク一覧に表示されます）。"],
            new MessageContent([Flex(SmallBubble, alt: null)]).Problems());
        Assert.Empty(new MessageContent([Flex(SmallBubble, alt: new string('a', 400))]).Problems());
        Assert.Equal(["1つ目の吹き出し: 代替テキストは400文字以内にしてください（いま401文字）。"],
            new MessageContent([Flex(SmallBubble, alt: new string('a', 401))]).Problems());
    }

    [Fact]
    public void A_bubble_is_limited_to_30_kb_and_a_carousel_to_50_kb()
    {
        Assert.Empty(new MessageContent([Flex(BubbleOfBytes(30 * 1024 - 200))]).Problems());
        var big = Assert.Single(new MessageContent([Flex(BubbleOfBytes(30 * 1024))]).Problems());
        Assert.StartsWith("1つ目の吹き出し: FlexのJSONが大きすぎます", big);
        Assert.Contains("バブルの上限30KB", big);

        var bubble = JsonNode.Parse(BubbleOfBytes(20 * 1024));
        var carousel = new JsonObject { ["type"] = "carousel", ["contents"] = new JsonArray(bubble!.DeepClone(), bubble.DeepClone()) }.ToJsonString();
        Assert.Empty(new MessageContent([Flex(carousel)]).Problems());
        var threeBig = new JsonObject { ["type"] = "carousel", ["contents"] = new JsonArray(bubble.DeepClone(), bubble.DeepClone(), bubble.DeepClone()) }.ToJsonString();
        Assert.Contains("カルーセルの上限50KB", Assert.Single(new MessageContent([Flex(threeBig)]).Problems()));
    }

    [Fact]
    public void Problems_of_several_bubbles_are_each_named()
    {
        var problems = new MessageContent([Text("ok"), Image("http://x.jp/a.png"), Flex("{}", alt: "")]).Problems();

        Assert.Equal([
            "2つ目の吹き出し: 画像URLは https:// で始まるURLにしてください。",
            "3つ目の吹き出し: 代替テキストを入力してください（通知やトーク一覧に表示されます）。",
            "3つ目の吹き出し: FlexのJSONの type は bubble か carousel にしてください。",
        ], problems);
    }

    [Fact]
    public void Line_messages_put_the_name_in_every_place_of_the_variable()
    {
        var messages = new MessageContent([Text("{name}さん、{name}さん宛てのお知らせです")]).ToLineMessages("山田 花子");

        var text = Assert.Single(messages)!.AsObject();
        Assert.Equal("text", (string?)text["type"]);
        Assert.Equal("山田 花子さん、山田 花子さん宛てのお知らせです", (string?)text["text"]);
        Assert.Equal("さん", (string?)new MessageContent([Text("{name}さん")]).ToLineMessages(null)[0]!["text"]);
    }

    [Fact]
    public void An_image_without_a_preview_uses_the_original_for_its_preview()
    {
        var messages = new MessageContent([Image("https://x.jp/a.jpg"), Image("https://x.jp/b.jpg", "https://x.jp/b-small.jpg")]).ToLineMessages("花子");

        Assert.Equal("image", (string?)messages[0]!["type"]);
        Assert.Equal("https://x.jp/a.jpg", (string?)messages[0]!["originalContentUrl"]);
        Assert.Equal("https://x.jp/a.jpg", (string?)messages[0]!["previewImageUrl"]);
        Assert.Equal("https://x.jp/b-small.jpg", (string?)messages[1]!["previewImageUrl"]);
    }

    [Fact]
    public void A_flex_bubble_goes_out_with_its_alt_text_and_the_container_as_json()
    {
        var messages = new MessageContent([Flex(Carousel(2), alt: "新商品のご案内")]).ToLineMessages("花子");

        var flex = messages[0]!.AsObject();
        Assert.Equal("flex", (string?)flex["type"]);
        Assert.Equal("新商品のご案内", (string?)flex["altText"]);
        Assert.Equal("carousel", (string?)flex["contents"]!["type"]);
        Assert.Equal(2, flex["contents"]!["contents"]!.AsArray().Count);
    }

    [Fact]
    public void Content_survives_a_json_round_trip()
    {
        var content = new MessageContent([Text("{name}さん"), Image("https://x.jp/a.jpg"), Flex(SmallBubble)]);

        var back = MessageContent.Parse(content.ToJson());

        Assert.Equal(content.Bubbles, back.Bubbles);
        Assert.Equal(content.ToLineMessages("花子").ToJsonString(), back.ToLineMessages("花子").ToJsonString());
    }

    [Fact]
    public void The_name_goes_into_flex_texts_and_the_alt_text_as_json_strings()
    {
        var json = """{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"{name}さんへ"},{"type":"text","text":"固定"}]}}""";

        var flex = new MessageContent([Flex(json, alt: "{name}さんへのお知らせ")]).ToLineMessages("O'Brien \"Jr\"")[0]!;

        Assert.Equal("O'Brien \"Jr\"さんへのお知らせ", (string?)flex["altText"]);
        var texts = flex["contents"]!["body"]!["contents"]!.AsArray();
        Assert.Equal("O'Brien \"Jr\"さんへ", (string?)texts[0]!["text"]);
        Assert.Equal("固定", (string?)texts[1]!["text"]);
    }
}
