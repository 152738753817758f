using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Ecai.Domain.Messaging;

/// <summary>What one bubble of a message is.</summary>
public enum BubbleKind
{
    Text = 1,
    Image = 2,
    Flex = 3,
}

/// <summary>
/// One bubble (one LINE message object): a text (which may hold <see cref="MessageContent.NameVariable"/>), an image
/// (HTTPS original and preview URLs), or a Flex container (bubble or carousel JSON) with its alternative text.
/// </summary>
public sealed record Bubble
{
    public BubbleKind Kind { get; init; }
    public string? Text { get; init; }
    public string? ImageUrl { get; init; }
    public string? PreviewUrl { get; init; }
    public string? AltText { get; init; }
    public string? FlexJson { get; init; }
}

/// <summary>
/// The content of one send: 1–5 bubbles, stored as JSON (<see cref="ToJson"/> / <see cref="Parse"/>) and turned into
/// LINE message objects per member (<see cref="ToLineMessages"/>) with the member's name put in for
/// <see cref="NameVariable"/>.
/// </summary>
public sealed record MessageContent(IReadOnlyList<Bubble> Bubbles)
{
    public const int MaxBubbles = 5;

    /// <summary>Replaced by the member's name (registered name, else LINE display name) when sending.</summary>
    public const string NameVariable = "{name}";

    /// <summary>What the operator screens call <see cref="NameVariable"/>.</summary>
    public const string NameLabel = "友だちの名前";

    /// <summary>LINE's limit for a text message, in UTF-16 code units (docs/line.md § Sending; LINE text-character-count page).</summary>
    public const int MaxTextLength = 5_000;

    /// <summary>[I] How long a name <see cref="NameVariable"/> may become when checking <see cref="MaxTextLength"/> (ECAI's allowance, not LINE's).</summary>
    public const int NameAllowance = 20;

    /// <summary>[I] Image URLs (original and preview) must be HTTPS and at most this long (LINE image message object).</summary>
    public const int MaxUrlLength = 2_000;

    /// <summary>[I] Flex alternative text limit ECAI keeps to (LINE has documented 400 and later 1,500; 400 is safe under both).</summary>
    public const int MaxAltTextLength = 400;

    /// <summary>Bubbles in a Flex carousel (docs/line.md § Flex Message).</summary>
    public const int MaxCarouselBubbles = 12;

    /// <summary>[I] Size of a Flex container's JSON (UTF-8 bytes, as written compactly): bubble 30 KB, carousel 50 KB.</summary>
    public const int MaxBubbleJsonBytes = 30 * 1024, MaxCarouselJsonBytes = 50 * 1024;

    /// <summary>One text bubble (a 1:1 chat reply, a plain message).</summary>
    public static MessageContent OfText(string text) => new([new Bubble { Kind = BubbleKind.Text, Text = text }]);

    /// <summary>
    /// What must change before this content can be saved and sent, in Japanese, each naming its bubble
    /// (「2つ目の吹き出し: …」); empty when LINE will accept it.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Bubbles.Count == 0) problems.Add("吹き出しを1つ以上入れてください。");
        if (Bubbles.Count > MaxBubbles) problems.Add($"吹き出しは{MaxBubbles}つまでです（いま{Bubbles.Count}つ）。");
        for (var i = 0; i < Bubbles.Count; i++)
            problems.AddRange(ProblemsOf(Bubbles[i]).Select(p => $"{i + 1}つ目の吹き出し: {p}"));
        return problems;
    }

    /// <summary>The problems of one bubble, without its position.</summary>
    public static IReadOnlyList<string> ProblemsOf(Bubble bubble)
    {
        var problems = new List<string>();
        switch (bubble.Kind)
        {
            case BubbleKind.Text:
                var text = bubble.Text ?? "";
                if (string.IsNullOrWhiteSpace(text)) { problems.Add("テキストを入力してください。"); break; }
                var length = SentLength(text);
                if (length > MaxTextLength)
                    problems.Add(text.Contains(NameVariable, StringComparison.Ordinal)
                        ? $"テキストが長すぎます（{NameLabel}を{NameAllowance}文字として{Number(length)}文字、上限{Number(MaxTextLength)}文字）。"
                        : $"テキストが長すぎます（{Number(length)}文字、上限{Number(MaxTextLength)}文字）。");
                break;
            case BubbleKind.Image:
                UrlProblem(bubble.ImageUrl, "画像URL", required: true, problems);
                UrlProblem(bubble.PreviewUrl, "プレビュー画像URL", required: false, problems);
                break;
            case BubbleKind.Flex:
                if (string.IsNullOrWhiteSpace(bubble.AltText)) problems.Add("代替テキストを入力してください（通知やトーク一覧に表示されます）。");
                else if (bubble.AltText.Length > MaxAltTextLength)
                    problems.Add($"代替テキストは{Number(MaxAltTextLength)}文字以内にしてください（いま{Number(bubble.AltText.Length)}文字）。");
                FlexProblems(bubble.FlexJson, problems);
                break;
            default:
                problems.Add("吹き出しの種類を選んでください。");
                break;
        }
        return problems;
    }

    /// <summary>The length LINE will count for <paramref name="text"/> once a name of <see cref="NameAllowance"/> characters is put in.</summary>
    public static int SentLength(string text)
    {
        var names = CountOf(text, NameVariable);
        return text.Length + names * (NameAllowance - NameVariable.Length);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static void UrlProblem(string? url, string label, bool required, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            if (required) problems.Add($"{label}を入力してください。");
            return;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0)
            problems.Add($"{label}は https:// で始まるURLにしてください。");
        if (url.Length > MaxUrlLength) problems.Add($"{label}は{Number(MaxUrlLength)}文字以内にしてください（いま{Number(url.Length)}文字）。");
    }

    private static void FlexProblems(string? json, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(json)) { problems.Add("FlexのJSONを入力してください。"); return; }
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException) { problems.Add("FlexのJSONの書き方が正しくありません。"); return; }
        if (node is not JsonObject container) { problems.Add("FlexのJSONは { で始まるオブジェクトにしてください。"); return; }
        var type = TypeOf(container);
        var size = Encoding.UTF8.GetByteCount(container.ToJsonString());
        switch (type)
        {
            case "bubble":
                if (size > MaxBubbleJsonBytes) problems.Add($"FlexのJSONが大きすぎます（{Kb(size)}、バブルの上限{Kb(MaxBubbleJsonBytes)}）。");
                break;
            case "carousel":
                if (container["contents"] is not JsonArray bubbles || bubbles.Count == 0)
                    problems.Add("カルーセルの contents にバブルを1つ以上入れてください。");
                else
                {
                    if (bubbles.Count > MaxCarouselBubbles)
                        problems.Add($"カルーセルのバブルは{MaxCarouselBubbles}個までです（いま{bubbles.Count}個）。");
                    if (bubbles.Any(b => b is not JsonObject o || TypeOf(o) != "bubble"))
                        problems.Add("カルーセルの contents には type が bubble のものだけを入れてください。");
                }
                if (size > MaxCarouselJsonBytes) problems.Add($"FlexのJSONが大きすぎます（{Kb(size)}、カルーセルの上限{Kb(MaxCarouselJsonBytes)}）。");
                break;
            default:
                problems.Add("FlexのJSONの type は bubble か carousel にしてください。");
                break;
        }
    }

    private static string? TypeOf(JsonObject node) =>
        node["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Kb(int bytes) => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + "KB";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static MessageContent Empty { get; } = new([]);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MessageContent Parse(string json) =>
        JsonSerializer.Deserialize<MessageContent>(json, Json) ?? throw new JsonException("Empty message content.");

    /// <summary>The LINE message objects (push/multicast <c>messages</c>) for a member called <paramref name="memberName"/>.</summary>
    public JsonArray ToLineMessages(string? memberName)
    {
        var messages = new JsonArray();
        foreach (var bubble in Bubbles)
            messages.Add(bubble.Kind switch
            {
                BubbleKind.Text => new JsonObject
                {
                    ["type"] = "text",
                    ["text"] = (bubble.Text ?? "").Replace(NameVariable, memberName ?? "", StringComparison.Ordinal),
                },
                BubbleKind.Image => new JsonObject
                {
                    ["type"] = "image",
                    ["originalContentUrl"] = bubble.ImageUrl,
                    ["previewImageUrl"] = bubble.PreviewUrl ?? bubble.ImageUrl,
                },
                BubbleKind.Flex => new JsonObject
                {
                    ["type"] = "flex",
                    ["altText"] = bubble.AltText?.Replace(NameVariable, memberName ?? "", StringComparison.Ordinal),
                    ["contents"] = WithName(JsonNode.Parse(bubble.FlexJson ?? "{}"), memberName ?? ""),
                },
                _ => throw new InvalidOperationException($"Unknown bubble kind {bubble.Kind}."),
            });
        return messages;
    }

    /// <summary>Puts the name in every string value of a Flex container that holds <see cref="NameVariable"/> (texts, labels).</summary>
    private static JsonNode? WithName(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                    if (child is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains(NameVariable, StringComparison.Ordinal))
                        o[key] = s.Replace(NameVariable, name, StringComparison.Ordinal);
                    else WithName(child, name);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains(NameVariable, StringComparison.Ordinal))
                        a[i] = s.Replace(NameVariable, name, StringComparison.Ordinal);
                    else WithName(a[i], name);
                break;
        }
        return node;
    }
}
