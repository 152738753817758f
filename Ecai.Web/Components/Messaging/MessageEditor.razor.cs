using System.Text.Json;
using System.Text.Json.Nodes;
using Ecai.Domain.Messaging;
using Microsoft.AspNetCore.Components;

namespace Ecai.Web.Components.Messaging;

/// <summary>
/// The message editor every send uses (step, follow, broadcast): 1–5 bubbles (テキスト / 画像 / Flex), add, delete,
/// move, 「友だちの名前を挿入」, Flex templates, LINE's limits checked live in Japanese, and a LINE-like preview
/// with a sample name. Two-way bound: <c>@bind-Content</c>.
/// </summary>
public sealed partial class MessageEditor : ComponentBase
{
    private static readonly (BubbleKind Kind, string Label)[] Kinds =
        [(BubbleKind.Text, "Editor.KindText"), (BubbleKind.Image, "Editor.KindImage"), (BubbleKind.Flex, "Editor.KindFlex")];

    private readonly List<Draft> _bubbles = [];
    private MessageContent? _emitted;
    private IReadOnlyList<string> _problems = [];
    private JsonArray _preview = [];

    [Parameter] public MessageContent? Content { get; set; }
    [Parameter] public EventCallback<MessageContent> ContentChanged { get; set; }

    /// <summary>The name shown in the preview for 「友だちの名前」.</summary>
    [Parameter] public string SampleName { get; set; } = "山田 花子";

    /// <summary>The preview's title (the bot's name).</summary>
    [Parameter] public string? PreviewTitle { get; set; }

    protected override void OnParametersSet()
    {
        if (_bubbles.Count > 0 && ReferenceEquals(Content, _emitted)) return; // our own change coming back
        _bubbles.Clear();
        _bubbles.AddRange((Content?.Bubbles ?? []).Take(MessageContent.MaxBubbles).Select(Draft.From));
        if (_bubbles.Count == 0) _bubbles.Add(new Draft());
        _emitted = Content;
        Refresh();
    }

    /// <summary>The content as edited now.</summary>
    public MessageContent Current => new(_bubbles.Select(b => b.ToBubble()).ToList());

    private Task EditAsync(Action change)
    {
        change();
        return EmitAsync();
    }

    private Task SetKindAsync(int index, BubbleKind kind) => EditAsync(() => _bubbles[index].Kind = kind);

    private Task AddAsync() => _bubbles.Count >= MessageContent.MaxBubbles ? Task.CompletedTask : EditAsync(() => _bubbles.Add(new Draft()));

    private Task DeleteAsync(int index) => _bubbles.Count <= 1 ? Task.CompletedTask : EditAsync(() => _bubbles.RemoveAt(index));

    private Task MoveAsync(int index, int by)
    {
        var to = index + by;
        if (to < 0 || to >= _bubbles.Count) return Task.CompletedTask;
        return EditAsync(() => (_bubbles[index], _bubbles[to]) = (_bubbles[to], _bubbles[index]));
    }

    /// <summary>Puts the name variable at the end of the text (the caret position is not known on the server).</summary>
    private Task InsertNameAsync(Draft bubble) => EditAsync(() => bubble.Text = (bubble.Text ?? "") + MessageContent.NameVariable);

    private Task UseTemplateAsync(Draft bubble, FlexTemplate template) => EditAsync(() =>
    {
        bubble.FlexJson = template.Json;
        if (string.IsNullOrWhiteSpace(bubble.AltText)) bubble.AltText = template.AltText;
    });

    private async Task EmitAsync()
    {
        _emitted = Current;
        Refresh();
        await ContentChanged.InvokeAsync(_emitted);
    }

    private void Refresh()
    {
        var content = Current;
        _problems = content.Problems();
        _preview = Preview(content, SampleName);
    }

    /// <summary>What the member called <paramref name="name"/> would see; a bubble that cannot be built yet shows a placeholder.</summary>
    public static JsonArray Preview(MessageContent content, string name)
    {
        var preview = new JsonArray();
        foreach (var bubble in content.Bubbles)
        {
            try
            {
                foreach (var message in new MessageContent([bubble]).ToLineMessages(name).ToList())
                    preview.Add(message!.DeepClone());
            }
            catch (JsonException)
            {
                preview.Add(new JsonObject { ["type"] = "text", ["text"] = "（FlexのJSONを確認してください）" });
            }
        }
        return preview;
    }

    /// <summary>One bubble being edited; fields of the other kinds are kept while the operator switches kinds.</summary>
    private sealed class Draft
    {
        public BubbleKind Kind { get; set; } = BubbleKind.Text;
        public string? Text { get; set; }
        public string? ImageUrl { get; set; }
        public string? PreviewUrl { get; set; }
        public string? AltText { get; set; }
        public string? FlexJson { get; set; }

        public static Draft From(Bubble b) => new()
        {
            Kind = b.Kind, Text = b.Text, ImageUrl = b.ImageUrl, PreviewUrl = b.PreviewUrl, AltText = b.AltText, FlexJson = b.FlexJson,
        };

        public Bubble ToBubble() => Kind switch
        {
            BubbleKind.Image => new Bubble { Kind = Kind, ImageUrl = Trimmed(ImageUrl), PreviewUrl = Trimmed(PreviewUrl) },
            BubbleKind.Flex => new Bubble { Kind = Kind, AltText = AltText, FlexJson = FlexJson },
            _ => new Bubble { Kind = BubbleKind.Text, Text = Text ?? "" },
        };

        private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
