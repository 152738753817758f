namespace Ecai.Domain.Members;

/// <summary>A LINE friend of a bot (会員). Its ECAI ID is <see cref="Id"/>.</summary>
public sealed class Member : Data.IVersioned
{
    public long Id { get; set; }
    public int BotId { get; set; }
    public required string LineUserId { get; set; }
    /// <summary>The LINE profile name.</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>The name the member gave on the identity form (or an operator entered): 氏名.</summary>
    public string? RegisteredName { get; set; }
    public DateTimeOffset FriendAddedAt { get; set; }
    public bool IsBlocked { get; set; }
    public string? PhoneRaw { get; set; }
    /// <summary>E.164, e.g. +819012345678; null when absent or invalid.</summary>
    public string? PhoneNormalized { get; set; }
    public string? EmailRaw { get; set; }
    public string? EmailNormalized { get; set; }
    public DateOnly? Birthday { get; set; }
    public int Points { get; set; }
    /// <summary>
    /// Row version (optimistic concurrency token): +1 on every change of the row, by EF (<see cref="Data.EcaiDb"/>)
    /// or by the set-wise statements that update members. An edit form keeps the version it loaded.
    /// </summary>
    public int Version { get; set; }
}
