namespace Ecai.Domain.Bots;

/// <summary>One LINE official account: the tenant that owns members, tags and cart connections.</summary>
public sealed class Bot
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
