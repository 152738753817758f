namespace Ecai.Web.Components.Messaging;

/// <summary>A starter Flex container for the editor.</summary>
public sealed record FlexTemplate(string NameKey, string AltText, string Json);

/// <summary>Starter Flex containers (written for ECAI): a notice with a button, a product card, a two-card carousel.</summary>
public static class FlexTemplates
{
    public static readonly FlexTemplate Notice = new("Editor.TemplateNotice", "お知らせ", """
        {
          "type": "bubble",
          "header": { "type": "box", "layout": "vertical", "contents": [
            { "type": "text", "text": "お知らせ", "weight": "bold", "size": "sm", "color": "#06C755" } ] },
          "body": { "type": "box", "layout": "vertical", "spacing": "sm", "contents": [
            { "type": "text", "text": "{name}さん、いつもありがとうございます。", "wrap": true, "weight": "bold" },
            { "type": "separator" },
            { "type": "text", "text": "ここに本文を書きます。", "wrap": true, "size": "sm", "color": "#555555" } ] },
          "footer": { "type": "box", "layout": "vertical", "contents": [
            { "type": "button", "style": "primary", "color": "#06C755",
              "action": { "type": "uri", "label": "詳しく見る", "uri": "https://example.com/" } } ] }
        }
        """);

    public static readonly FlexTemplate Product = new("Editor.TemplateProduct", "おすすめ商品のご案内", """
        {
          "type": "bubble",
          "hero": { "type": "image", "url": "https://example.com/product.jpg", "size": "full", "aspectRatio": "20:13", "aspectMode": "cover" },
          "body": { "type": "box", "layout": "vertical", "spacing": "sm", "contents": [
            { "type": "text", "text": "商品名", "weight": "bold", "size": "lg", "wrap": true },
            { "type": "box", "layout": "horizontal", "contents": [
              { "type": "text", "text": "定期コース", "size": "sm", "color": "#888888" },
              { "type": "text", "text": "¥3,980", "size": "sm", "align": "end", "weight": "bold" } ] } ] },
          "footer": { "type": "box", "layout": "horizontal", "spacing": "sm", "contents": [
            { "type": "button", "style": "secondary", "action": { "type": "uri", "label": "詳細", "uri": "https://example.com/item" } },
            { "type": "button", "style": "primary", "action": { "type": "uri", "label": "購入する", "uri": "https://example.com/cart" } } ] }
        }
        """);

    public static readonly FlexTemplate Carousel = new("Editor.TemplateCarousel", "おすすめ商品", """
        {
          "type": "carousel",
          "contents": [
            { "type": "bubble", "size": "kilo",
              "body": { "type": "box", "layout": "vertical", "contents": [
                { "type": "text", "text": "商品A", "weight": "bold" }, { "type": "text", "text": "¥2,980", "size": "sm" } ] },
              "footer": { "type": "box", "layout": "vertical", "contents": [
                { "type": "button", "style": "link", "action": { "type": "uri", "label": "見る", "uri": "https://example.com/a" } } ] } },
            { "type": "bubble", "size": "kilo",
              "body": { "type": "box", "layout": "vertical", "contents": [
                { "type": "text", "text": "商品B", "weight": "bold" }, { "type": "text", "text": "¥4,980", "size": "sm" } ] },
              "footer": { "type": "box", "layout": "vertical", "contents": [
                { "type": "button", "style": "link", "action": { "type": "uri", "label": "見る", "uri": "https://example.com/b" } } ] } }
          ]
        }
        """);

    public static IReadOnlyList<FlexTemplate> All { get; } = [Notice, Product, Carousel];
}
