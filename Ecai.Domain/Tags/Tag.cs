namespace Ecai.Domain.Tags;

public sealed class Tag : Data.IVersioned
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }
    public int BotId { get; set; }
    public required string Name { get; set; }
    public string? Folder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Row version (<see cref="Data.IVersioned"/>): an edit form keeps the one it loaded.</summary>
    public int Version { get; set; }
}

/// <summary>A tag on a member; the pair is unique, so a tag is never added twice.</summary>
public sealed class MemberTag
{
    public long MemberId { get; set; }
    public int TagId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A tag the bot's identity form (本人確認フォーム) adds on every submission.</summary>
public sealed class IdentityFormTag
{
    public int BotId { get; set; }
    public int TagId { get; set; }
}
