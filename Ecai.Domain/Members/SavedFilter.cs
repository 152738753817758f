namespace Ecai.Domain.Members;

/// <summary>
/// A 会員リスト filter kept under a name (保存した条件), so it can be applied again on 会員リスト and copied into a broadcast's
/// audience or a step scenario's filter. Names are unique per bot regardless of letter case (<see cref="NameKey"/>).
/// </summary>
public sealed class SavedFilter : Data.IVersioned
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }
    public int BotId { get; set; }
    /// <summary>Trimmed, 1–<see cref="MaxNameLength"/> characters.</summary>
    public required string Name { get; set; }
    /// <summary><see cref="Name"/> upper-cased (invariant): the key of the per-bot unique index, so 「VIP」 and 「vip」 are one name.</summary>
    public required string NameKey { get; set; }
    /// <summary>The filter as <see cref="MemberFilter.ToJson"/> writes it.</summary>
    public required string FilterJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Row version (<see cref="Data.IVersioned"/>): an edit form keeps the one it loaded.</summary>
    public int Version { get; set; }

    public static string KeyOf(string name) => name.ToUpperInvariant();
}
