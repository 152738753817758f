namespace Ecai.Domain.Line;

/// <summary>One message of the 1:1 chat between the shop and a member.</summary>
public sealed class ChatMessage
{
    public long Id { get; set; }
    public int BotId { get; set; }
    public long MemberId { get; set; }
    /// <summary>True for what the member sent (webhook), false for what the shop sent.</summary>
    public bool Incoming { get; set; }
    public string Text { get; set; } = "";
    /// <summary>LINE's message id, for incoming messages.</summary>
    public string? LineMessageId { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>The operator who wrote a reply (null for what the member sent, and for replies from before it was recorded).</summary>
    public string? OperatorId { get; set; }
}
