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
                    ["altText"] = bubble.AltText,
                    ["contents"] = JsonNode.Parse(bubble.FlexJson ?? "{}"),
                },
                _ => throw new InvalidOperationException($"Unknown bubble kind {bubble.Kind}."),
            });
        return messages;
    }
}
