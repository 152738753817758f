namespace Ecai.Domain.Bots;

/// <summary>One LINE official account: the tenant that owns members, tags and cart connections.</summary>
public sealed class Bot : Data.IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The Messaging API channel id (shown, not secret).</summary>
    public string? LineChannelId { get; set; }
    /// <summary>Channel secret and access token, encrypted with Data Protection; never shown back.</summary>
    public string? ProtectedLineSecrets { get; set; }
    public string? LiffId { get; set; }
    /// <summary>The LINE Login channel that owns the LIFF apps: the audience (<c>client_id</c>) of their ID tokens.</summary>
    public string? LineLoginChannelId { get; set; }
    /// <summary>The identity form's "本人情報の確認中" page text; null = the default.</summary>
    public string? IdentityFormDoneMessage { get; set; }
    /// <summary>
    /// Row version (<see cref="Data.IVersioned"/>): an edit form keeps the one it loaded. Covers LINE設定 (channel, LIFF) and the identity form's
    /// settings (its tags and done-page text), which one page edits.
    /// </summary>
    public int Version { get; set; }
}
