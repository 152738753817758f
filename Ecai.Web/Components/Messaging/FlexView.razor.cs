using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Messaging;

/// <summary>
/// Renders one Flex node (docs/line.md § Flex Message) as plain HTML: carousel, bubble (header / hero / body / footer), box
/// (horizontal / vertical / baseline), text (with spans), image, icon, button, separator, spacer / filler. Only what a
/// preview needs; colours must be #RRGGBB(AA) and URLs http(s), anything else is left out.
/// </summary>
public sealed partial class FlexView : ComponentBase
{
    private static readonly string[] BlockNames = ["header", "hero", "body", "footer"];

    [Parameter] public JsonNode? Node { get; set; }

    /// <summary>The layout of the box holding this node (children of horizontal boxes stretch by default).</summary>
    [Parameter] public string? ParentLayout { get; set; }

    private string? Type => Str("type");

    private IEnumerable<string> Blocks => BlockNames.Where(b => Node?[b] is JsonObject);

    private IEnumerable<JsonNode> Items(string name) => Node?[name] is JsonArray a ? a.OfType<JsonNode>() : [];

    private string? Str(string name) => Str(Node, name);

    private static string? Str(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private string TextValue
    {
        get
        {
            var spans = Items("contents").Select(s => Str(s, "text")).OfType<string>().ToList();
            return spans.Count > 0 ? string.Concat(spans) : Str("text") ?? "";
        }
    }

    private string BlockStyle(string block) =>
        Color(Node?["styles"]?[block] is JsonObject s ? Str(s, "backgroundColor") : null) is { } bg ? $"background-color:{bg};" : "";

    private string BoxStyle
    {
        get
        {
            var css = new StringBuilder(ItemStyle);
            if (Spacing(Str("spacing")) is { } gap) css.Append($"gap:{gap}px;");
            if (Spacing(Str("paddingAll")) is { } pad) css.Append($"padding:{pad}px;");
            if (Color(Str("backgroundColor")) is { } bg) css.Append($"background-color:{bg};");
            if (Color(Str("borderColor")) is { } border) css.Append($"border:1px solid {border};");
            if (Str("cornerRadius") is { } radius && Spacing(radius) is { } r) css.Append($"border-radius:{r}px;");
            return css.ToString();
        }
    }

    private string TextStyle
    {
        get
        {
            var css = new StringBuilder(ItemStyle);
            css.Append($"font-size:{TextSize(Str("size"))}px;");
            if (Str("weight") == "bold") css.Append("font-weight:bold;");
            if (Color(Str("color")) is { } color) css.Append($"color:{color};");
            if (Str("align") is ("center" or "end" or "start") and var align) css.Append($"text-align:{align};");
            css.Append(Node?["wrap"] is JsonValue w && w.TryGetValue<bool>(out var wrap) && wrap ? "white-space:pre-wrap;" : "white-space:nowrap;overflow:hidden;text-overflow:ellipsis;");
            if (Str("decoration") is ("underline" or "line-through") and var decoration) css.Append($"text-decoration:{decoration};");
            return css.ToString();
        }
    }

    private string ImageStyle
    {
        get
        {
            var css = new StringBuilder(ItemStyle);
            if (Str("aspectRatio") is { } ratio && AspectRatio().Match(ratio) is { Success: true } m)
                css.Append($"aspect-ratio:{m.Groups[1].Value}/{m.Groups[2].Value};");
            css.Append(Str("aspectMode") == "cover" ? "object-fit:cover;" : "object-fit:contain;");
            css.Append(Str("size") is null or "full" ? "width:100%;" : $"max-width:{ImageSize(Str("size"))}px;");
            if (Color(Str("backgroundColor")) is { } bg) css.Append($"background-color:{bg};");
            return css.ToString();
        }
    }

    private string ButtonStyle
    {
        get
        {
            var css = new StringBuilder(ItemStyle);
            if (Color(Str("color")) is { } color)
                css.Append(Str("style") is "primary" or "secondary" ? $"background-color:{color};" : $"color:{color};");
            if (Str("height") == "sm") css.Append("padding:4px 8px;");
            return css.ToString();
        }
    }

    private string SeparatorStyle => ItemStyle + (Color(Str("color")) is { } color ? $"border-top-color:{color};" : "");

    /// <summary>flex and margin, which every component has.</summary>
    private string ItemStyle
    {
        get
        {
            var css = new StringBuilder();
            var flex = Node?["flex"] is JsonValue f && f.TryGetValue<int>(out var grow) ? grow : ParentLayout == "horizontal" ? 1 : (int?)null;
            if (flex is { } g) css.Append($"flex:{g} {g} 0;");
            if (Type is "spacer" or "filler" && flex is null) css.Append("flex:1 1 0;");
            if (Spacing(Str("margin")) is { } margin) css.Append(ParentLayout == "horizontal" ? $"margin-left:{margin}px;" : $"margin-top:{margin}px;");
            return css.ToString();
        }
    }

    /// <summary>LINE's keywords (none … xxl) or "12px".</summary>
    private static int? Spacing(string? value) => value switch
    {
        "none" => 0, "xs" => 2, "sm" => 4, "md" => 8, "lg" => 12, "xl" => 16, "xxl" => 20,
        { } px when Pixels().Match(px) is { Success: true } m => Math.Min(int.Parse(m.Groups[1].Value), 200),
        _ => null,
    };

    private static int TextSize(string? value) => value switch
    {
        "xxs" => 10, "xs" => 11, "sm" => 12, "lg" => 16, "xl" => 18, "xxl" => 22, "3xl" => 26, "4xl" => 32, "5xl" => 40,
        { } px when Pixels().Match(px) is { Success: true } m => Math.Clamp(int.Parse(m.Groups[1].Value), 6, 60),
        _ => 14,
    };

    private static int ImageSize(string? value) => value switch
    {
        "xxs" => 40, "xs" => 60, "sm" => 80, "md" => 100, "lg" => 120, "xl" => 140, "xxl" => 160, "3xl" => 180, "4xl" => 200, "5xl" => 240,
        _ => 100,
    };

    /// <summary>#RRGGBB or #RRGGBBAA, else null (nothing else reaches a style attribute).</summary>
    public static string? Color(string? value) => value is not null && HexColor().IsMatch(value) ? value : null;

    /// <summary>An http(s) URL, else null.</summary>
    public static string? SafeUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex HexColor();

    [GeneratedRegex("^([0-9]{1,4})px$")]
    private static partial Regex Pixels();

    [GeneratedRegex("^([0-9]{1,4}):([0-9]{1,4})$")]
    private static partial Regex AspectRatio();
}
